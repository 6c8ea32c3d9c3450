package dev.vigil.risk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vigil.api.history.Feature;
import dev.vigil.risk.model.FeatureHierarchy.Level;

/**
 * The statistical login-risk model of Freeman et al., "Who Are You? A Statistical Approach to Measuring User
 * Authenticity" (NDSS 2016), as refined and published by Wiefling et al., "Pump Up Password Security!
 * Evaluating and Enhancing Risk-Based Authentication on a Real-World Large-Scale Online Service" (ACM TOPS 2022,
 * reference code: github.com/das-group/rba-algorithm).
 * <p>
 * For a login with feature values x by user u, with the user's history of n<sub>u</sub> successful logins and a
 * population of N successful logins by |U| users:
 * <pre>
 *   S(x, u) = Π<sub>g</sub> [ p(x<sub>g</sub>) / p(x<sub>g</sub> | u) ]<sup>ω<sub>g</sub></sup> × p(u | attack) / p(u | legit)
 * </pre>
 * over the signals g (each a {@link FeatureHierarchy} with weight ω<sub>g</sub>). For the levels j = 1..L of a
 * signal whose value is known in this login, most specific first, with weights w<sub>j</sub> renormalized to add
 * up to 1, counts c<sub>P</sub> in the population and c<sub>u</sub> in the user's history, and D<sub>P</sub>(f)
 * the number of distinct values of feature f in the population:
 * <pre>
 *   p(x<sub>g</sub>)     = Σ<sub>j</sub> w<sub>j</sub> q<sub>j</sub>,   q<sub>1</sub> = max(c<sub>P</sub>(x<sub>1</sub>), 1) / (N + V),  V = 1 + Σ<sub>j&gt;1</sub> D<sub>P</sub>(f<sub>j</sub>),   q<sub>j&gt;1</sub> = c<sub>P</sub>(x<sub>j</sub>) / N
 *   p(x<sub>g</sub> | u) = Σ<sub>j</sub> w<sub>j</sub> c<sub>u</sub>(x<sub>j</sub>) / n<sub>u</sub>,   or p(x<sub>g</sub>) / d when that is 0
 *   p(u | attack) / p(u | legit) = (1 / |U|) / (n<sub>u</sub> / N)
 * </pre>
 * The first line is Freeman's smoothing of the most specific level: V slots for values never seen, one for each
 * value that more general levels could still tell apart, as in the reference code. The second backs off to the
 * population when the user never used any level of the value (d = {@link ModelSettings#unseenDivisor()}, 4 in
 * the reference code), so that a value rare for everyone cannot look safe. The prior assumes an attacker picks
 * users uniformly; n<sub>u</sub> is taken as at least 1. A signal with no known level in this login counts as a
 * value never seen (d) when the user's history has it (withheld: an attacker must not gain by omitting it),
 * and otherwise its {@link FeatureHierarchy#absentFactor()} (a user who never sends it, e.g. without consent).
 * <p>
 * Deviations from the reference code, all for a server that keeps counts instead of log tables: the level
 * weights are renormalized over the known levels (unknown is not a value here; see {@link Observation}); the
 * signal weight is an exponent on the signal's factor, not on each level's term (identical at weight 1); V counts
 * distinct values over the whole population rather than under the same parent value.
 * <p>
 * Cost: a constant number of count look-ups per feature, whatever the number of users or logins.
 */
public final class FreemanModel {

    private static final String[] NOVELTY = codes("new-");
    private static final String[] MISSING = codes("missing-");

    private final ModelSettings settings;

    public FreemanModel(ModelSettings settings) {
        this.settings = settings;
    }

    public ModelSettings settings() {
        return settings;
    }

    public Score score(Observation login, UserHistory history, Population population) {
        List<Contribution> contributions = new ArrayList<>(settings.hierarchies().size() + 1);
        double score = 1;
        for (FeatureHierarchy hierarchy : settings.hierarchies()) {
            if (hierarchy.on()) {
                Contribution contribution = signal(hierarchy, login, history, population);
                if (contribution != null) {
                    contributions.add(contribution);
                    score *= contribution.factor();
                }
            }
        }
        if (settings.userPrior()) {
            double prior = userPrior(history, population);
            contributions.add(new Contribution(ModelSettings.USER, prior));
            score *= prior;
        }
        return new Score(score, contributions);
    }

    /** The signal's factor, or null when none of its levels is known in this login. */
    private Contribution signal(FeatureHierarchy hierarchy, Observation login, UserHistory history,
                                Population population) {
        List<Level> levels = hierarchy.levels();
        double totalWeight = 0;
        for (Level level : levels) {
            if (level.weight() > 0 && login.value(level.feature()) != null) {
                totalWeight += level.weight();
            }
        }
        if (totalWeight == 0) {
            return absent(hierarchy, history);
        }
        long populationLogins = population.logins();
        int userLogins = history.logins();
        double global = 0;
        double local = 0;
        boolean mostSpecific = true;
        Feature novelty = null;
        for (int j = 0; j < levels.size(); j++) {
            Level level = levels.get(j);
            String value = login.value(level.feature());
            if (level.weight() <= 0 || value == null) {
                continue;
            }
            double weight = level.weight() / totalWeight;
            long inPopulation = population.count(level.feature(), value);
            if (mostSpecific) {
                long slots = 1 + distinctBelow(levels, j, login, population);
                global += weight * Math.max(inPopulation, 1) / (double) (populationLogins + slots);
                mostSpecific = false;
            } else if (populationLogins > 0) {
                global += weight * inPopulation / (double) populationLogins;
            }
            long inHistory = userLogins > 0 ? history.count(level.feature(), value) : 0;
            if (inHistory > 0) {
                local += weight * inHistory / userLogins;
            } else {
                novelty = level.feature();
            }
        }
        if (local == 0) {
            local = global / settings.unseenDivisor();
        }
        double factor = Math.pow(global / local, hierarchy.weight());
        return new Contribution(hierarchy.signal(), factor, novelty == null ? null : NOVELTY[novelty.ordinal()]);
    }

    /**
     * A signal this login lacks: withheld when the user used to send it, which counts as a value never seen;
     * otherwise the user never had it, which counts the signal's absent factor (1 unless set: no evidence).
     */
    private Contribution absent(FeatureHierarchy hierarchy, UserHistory history) {
        for (Level level : hierarchy.levels()) {
            if (level.weight() > 0 && history.logins() > 0 && history.known(level.feature()) > 0) {
                return new Contribution(hierarchy.signal(), Math.pow(settings.unseenDivisor(), hierarchy.weight()),
                        MISSING[level.feature().ordinal()]);
            }
        }
        if (hierarchy.absentFactor() == 1) {
            return null;
        }
        return new Contribution(hierarchy.signal(), Math.pow(hierarchy.absentFactor(), hierarchy.weight()));
    }

    /** The distinct values of the known levels more general than level j, in the population. */
    private static long distinctBelow(List<Level> levels, int j, Observation login, Population population) {
        long distinct = 0;
        for (int k = j + 1; k < levels.size(); k++) {
            Level level = levels.get(k);
            if (level.weight() > 0 && login.value(level.feature()) != null) {
                distinct += population.distinctValues(level.feature());
            }
        }
        return distinct;
    }

    private static double userPrior(UserHistory history, Population population) {
        if (population.users() == 0 || population.logins() == 0) {
            return 1;
        }
        double attacked = 1.0 / population.users();
        double legit = Math.max(history.logins(), 1) / (double) population.logins();
        return attacked / legit;
    }

    /** Stable reason codes per feature: {@code new-ip}, {@code missing-fingerprint}, ... */
    private static String[] codes(String prefix) {
        Feature[] features = Feature.values();
        String[] codes = new String[features.length];
        for (Feature feature : features) {
            codes[feature.ordinal()] = prefix + feature.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return codes;
    }
}
