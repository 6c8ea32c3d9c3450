package dev.vigil.risk.model.calibration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;

import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.CountingHistory;
import dev.vigil.risk.model.Facts;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.Observation;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.Population;
import dev.vigil.risk.model.RecognizedDevice;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.model.RiskPolicy;
import dev.vigil.risk.model.Score;
import dev.vigil.risk.model.UsualHours;
import dev.vigil.risk.model.calibration.CalibrationTarget.CatchTargetedAttacks;
import dev.vigil.risk.model.calibration.CalibrationTarget.StepUpAtMost;

/**
 * Derives the MEDIUM threshold from the realm's own data, so that it means the same in every realm (issue 13):
 * each sampled user's latest logins are scored against their earlier ones, as the server scored them (the cookie,
 * anonymizer and travel rules read back from the stored reason codes, the device recognition recomputed), targeted
 * attacks are simulated on each of them ({@link TargetedAttacks}), and the threshold is the highest that meets a
 * {@link CatchTargetedAttacks} target, or the lowest that meets a {@link StepUpAtMost} target, through the whole
 * {@link RiskPolicy}. HIGH keeps its fixed meaning (an attack ten times likelier than the user), raised to MEDIUM's
 * when below it. Fewer than {@link CalibrationSettings#minUsers()} users with enough history: the fixed thresholds,
 * with their rates on what there is, and the reason.
 * <p>
 * Cost: one history count and one score per sampled login, at most maxUsers × (heldOut + attacks) of them, then a
 * binary search of the thresholds (about 15 passes over those scores). Pure: no clock, no randomness, no store.
 */
public final class ThresholdCalibration {

    private final FreemanModel model;
    private final PolicySettings policy;
    private final CalibrationSettings settings;
    private final RiskPolicy fixed;

    /** @param policy the realm's policy settings; their thresholds are the fallback */
    public ThresholdCalibration(FreemanModel model, PolicySettings policy, CalibrationSettings settings) {
        this.model = model;
        this.policy = policy;
        this.settings = settings;
        this.fixed = new RiskPolicy(policy);
    }

    public Calibration calibrate(CalibrationInput input, CalibrationTarget target) {
        List<List<SignIn>> users = new ArrayList<>();
        for (List<SignIn> history : input.histories()) {
            List<SignIn> successful = history.stream().filter(CountingHistory::successful).toList();
            if (successful.size() > settings.minLogins() && users.size() < settings.maxUsers()) {
                users.add(successful);
            }
        }
        TargetedAttacks attacks = new TargetedAttacks(users.stream().map(ThresholdCalibration::latest).toList(),
                settings.attacksPerUser());
        List<Trial> legitimate = new ArrayList<>();
        List<Trial> attempts = new ArrayList<>();
        for (int user = 0; user < users.size(); user++) {
            List<SignIn> signIns = users.get(user);
            int heldOut = Math.min(settings.heldOutLogins(), signIns.size() - settings.minLogins());
            for (int i = signIns.size() - heldOut; i < signIns.size(); i++) {
                SignIn login = signIns.get(i);
                legitimate.add(trial(new Observation(login.features()), login.at(), earlier(signIns, i),
                        input.population(), StoredRules.of(login)));
            }
            List<SignIn> whole = earlier(signIns, signIns.size());
            for (TargetedAttacks.Attempt attempt : attacks.on(latest(signIns), user)) {
                attempts.add(trial(attempt.login(), attempt.at(), whole, input.population(), StoredRules.NONE));
            }
        }
        if (users.size() < settings.minUsers()) {
            return result(policy.mediumThreshold(), legitimate, attempts, users.size(), Calibration.TOO_FEW_USERS);
        }
        double[] candidates = candidates(legitimate, attempts);
        double medium;
        if (target instanceof CatchTargetedAttacks catching) {
            medium = highest(candidates, threshold -> steppedUp(attempts, threshold) >= catching.share());
        } else {
            double bound = ((StepUpAtMost) target).share();
            medium = lowest(candidates, threshold -> steppedUp(legitimate, threshold) <= bound);
        }
        return result(medium, legitimate, attempts, users.size(), null);
    }

    private Calibration result(double medium, List<Trial> legitimate, List<Trial> attempts, int users,
                               String fallback) {
        return new Calibration(medium, high(medium), steppedUp(attempts, medium), steppedUp(legitimate, medium),
                users, legitimate.size(), attempts.size(), fallback);
    }

    private double high(double medium) {
        return Math.max(policy.highThreshold(), medium);
    }

    /** A login scored as the server would: against the user's earlier logins and the realm's counts. */
    private Trial trial(Observation login, Instant at, List<SignIn> earlier, Population population, StoredRules rules) {
        Score score = model.score(login, CountingHistory.of(earlier), population);
        Facts facts = Facts.builder(earlier.size())
                .hourFactor(UsualHours.learn(earlier).factor(at))
                .recognizedDevice(RecognizedDevice.in(login, earlier))
                .rememberedDevice(rules.rememberedDevice())
                .trustedNetwork(rules.trustedNetwork())
                .anonymizer(rules.vpn(), rules.tor(), rules.publicProxy(), rules.hosting())
                .travel(rules.impossibleTravel(), Double.NaN)
                .build();
        double finalScore = fixed.assess(score, facts).score(); // the thresholds compare it; it does not depend on them
        return new Trial(score, facts, finalScore);
    }

    /** The share of trials stepped up or denied with MEDIUM from this threshold, NaN without trials. */
    private double steppedUp(List<Trial> trials, double medium) {
        if (trials.isEmpty()) {
            return Double.NaN;
        }
        RiskPolicy at = new RiskPolicy(policy.withThresholds(medium, high(medium)));
        long stepped = trials.stream()
                .filter(trial -> at.assess(trial.score(), trial.facts()).level() != RiskLevel.LOW).count();
        return stepped / (double) trials.size();
    }

    /** Every final score seen, ascending, and one above the highest (a threshold no sample reaches). */
    private static double[] candidates(List<Trial> legitimate, List<Trial> attempts) {
        double[] scores = Stream.concat(legitimate.stream(), attempts.stream())
                .mapToDouble(Trial::finalScore).sorted().distinct().toArray();
        double[] candidates = Arrays.copyOf(scores, scores.length + 1);
        candidates[scores.length] = scores.length == 0 ? Double.MAX_VALUE : Math.nextUp(scores[scores.length - 1]);
        return candidates;
    }

    /**
     * The highest candidate meeting a condition that holds for every threshold below one that meets it (stepping
     * up is monotone in the threshold); the lowest candidate when none does.
     */
    private static double highest(double[] candidates, DoublePredicate meets) {
        int low = 0;
        int high = candidates.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (meets.test(candidates[middle])) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return candidates[low];
    }

    /** The lowest candidate meeting a condition that holds for every threshold above one that meets it. */
    private static double lowest(double[] candidates, DoublePredicate meets) {
        int low = 0;
        int high = candidates.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (meets.test(candidates[middle])) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return candidates[low];
    }

    /** The sign-ins before the i-th, at most the history cap of them. */
    private List<SignIn> earlier(List<SignIn> signIns, int i) {
        return signIns.subList(Math.max(0, i - settings.historyCap()), i);
    }

    private static SignIn latest(List<SignIn> signIns) {
        return signIns.get(signIns.size() - 1);
    }

    /** One scored login: the model's score, the rules' facts, and the final score the thresholds compare. */
    private record Trial(Score score, Facts facts, double finalScore) {
    }
}
