package dev.vigil.bench.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.bench.synthetic.AttackerModel;
import dev.vigil.bench.synthetic.Login;
import dev.vigil.bench.synthetic.LoginGenerator.Event;
import dev.vigil.risk.model.Assessment;
import dev.vigil.risk.model.CountingHistory;
import dev.vigil.risk.model.CountingPopulation;
import dev.vigil.risk.model.Facts;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.ImpossibleTravel;
import dev.vigil.risk.model.Observation;
import dev.vigil.risk.model.RecognizedDevice;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.model.RiskPolicy;
import dev.vigil.risk.model.Score;
import dev.vigil.risk.model.UsualHours;

/**
 * Replays every user's events in time order through the server's scoring classes, as the server would: the
 * realm's counts grow with each successful login, each user's history is capped (100 logins, 6 months), the
 * hour-of-day factor and impossible travel come from that history. Attacks are scored and never learnt from;
 * legitimate logins are scored when they fall in a checkpoint's window, then learnt from.
 * <p>
 * The remembered-device cookie, as the server sets it: per device (browser profile) of the user, set by the
 * device's first successful login, renewed by each successful login that shows it, valid for
 * {@link #COOKIE_PERIOD} after its last successful use. A login happens without it with probability
 * {@code cookieLoss} (cookies cleared, a private window, another profile): that login neither shows nor renews it,
 * and the cookie in the usual profile keeps its old expiry (the conservative reading of both cases). A replaced
 * device is a new profile with no cookie. A login is successful unless the server's default policy judges it HIGH
 * (refused); a step-up the user passes counts. Attacks never carry the victim's cookie. {@code cookieLoss} 1
 * means no cookies at all (the evaluation without remembered devices).
 * <p>
 * Several cookie-loss rates replay in one pass: the model's score of a login does not depend on the cookie, and
 * the realm learns the same logins at every rate (all but the rare refused one, which the replay learns from
 * anyway), so only each rate's cookies and the rules' facts differ. Only the users {@code scored} picks are scored
 * (with their attacks); the others' logins only grow the realm's counts, which keeps a large realm's replay cheap.
 */
final class Replay {

    static final int HISTORY_CAP = 100;
    static final Duration HISTORY_AGE = Duration.ofDays(183);
    /** The realm's remembered-device period: the cookie expires this long after its last successful use. */
    static final Duration COOKIE_PERIOD = Duration.ofDays(30);

    private final FreemanModel model;
    private final ImpossibleTravel travel = new ImpossibleTravel(ImpossibleTravel.DEFAULT_MAX_SPEED_KMH);
    private final List<Integer> checkpoints;
    private final int window;
    private final Set<Feature> notSent;
    private final List<Double> cookieLosses;
    private final long seed;
    private final RiskPolicy serverPolicy;
    private final IntPredicate scored;
    /** Per cookie-loss rate, per scored user: their logins as the server stored them, oldest first. */
    private final List<Map<Integer, List<SignIn>>> stored = new ArrayList<>();

    /**
     * @param notSent    features no user sends (e.g. no one consented to the fingerprint)
     * @param cookieLosses shares of legitimate logins made without the device's cookie, one replay each; 1: no
     *                     cookies at all
     * @param seed         seeds which logins lose the cookie (the same login loses it at every rate above its draw)
     * @param policy       the server's policy, which decides which logins succeed (and so set the cookie)
     * @param scored       the users whose logins and attacks are scored
     */
    Replay(FreemanModel model, List<Integer> checkpoints, int window, Set<Feature> notSent, List<Double> cookieLosses,
           long seed, RiskPolicy policy, IntPredicate scored) {
        this.model = model;
        this.checkpoints = checkpoints;
        this.window = window;
        this.notSent = notSent;
        this.cookieLosses = List.copyOf(cookieLosses);
        this.seed = seed;
        this.serverPolicy = policy;
        this.scored = scored;
    }

    /** One cookie-loss rate, every user scored. */
    Replay(FreemanModel model, List<Integer> checkpoints, int window, Set<Feature> notSent, double cookieLoss,
           long seed, RiskPolicy policy) {
        this(model, checkpoints, window, notSent, List.of(cookieLoss), seed, policy, user -> true);
    }

    /** What the model and the rules' inputs said about each evaluated attempt. */
    record Sample(int checkpoint, int user, AttackerModel attacker, Score score, Facts facts) {
    }

    List<Sample> run(List<Event> events, int users) {
        return runEach(events, users).get(0);
    }

    /** The samples of each cookie-loss rate, in the order given. */
    List<List<Sample>> runEach(List<Event> events, int users) {
        List<Event> timeline = new ArrayList<>(events);
        timeline.sort(Comparator.comparing((Event event) -> event.login().at()).thenComparingInt(Event::user));
        List<Deque<Entry>> histories = new ArrayList<>(users);
        List<List<Map<Integer, Instant>>> cookies = new ArrayList<>(cookieLosses.size()); // per rate, per user: device -> last set or renewed
        List<List<Sample>> samples = new ArrayList<>(cookieLosses.size());
        stored.clear();
        for (int rate = 0; rate < cookieLosses.size(); rate++) {
            List<Map<Integer, Instant>> perUser = new ArrayList<>(users);
            for (int i = 0; i < users; i++) {
                perUser.add(new HashMap<>());
            }
            cookies.add(perUser);
            samples.add(new ArrayList<>());
            stored.add(new HashMap<>());
        }
        for (int i = 0; i < users; i++) {
            histories.add(new ArrayDeque<>());
        }
        CountingPopulation population = new CountingPopulation();
        for (Event event : timeline) {
            if (!scored.test(event.user())) {
                if (event.legitimate()) {
                    population.add(event.login().userId(), observation(event.login(), notSent));
                }
                continue;
            }
            Deque<Entry> history = histories.get(event.user());
            Entry entry = new Entry(event.login(), notSent);
            int checkpoint = checkpointOf(event);
            if (!event.legitimate()) {
                if (checkpoint >= 0) {
                    Scored attempt = score(event, entry, history, population);
                    samples.forEach(rate -> rate.add(attempt.sample(checkpoint, false)));
                }
                continue;
            }
            Instant at = event.login().at();
            Scored login = score(event, entry, history, population);
            for (int rate = 0; rate < cookieLosses.size(); rate++) {
                boolean lost = lostCookie(event, cookieLosses.get(rate));
                Map<Integer, Instant> userCookies = cookies.get(rate).get(event.user());
                Instant set = userCookies.get(event.device());
                boolean remembered = !lost && set != null && !at.isAfter(set.plus(COOKIE_PERIOD));
                Sample sample = login.sample(checkpoint, remembered);
                if (checkpoint >= 0) {
                    samples.get(rate).add(sample);
                }
                Assessment assessment = serverPolicy.assess(sample.score(), sample.facts());
                if (!lost && assessment.level() != RiskLevel.HIGH) {
                    userCookies.put(event.device(), at);
                }
                stored.get(rate).computeIfAbsent(event.user(), user -> new ArrayList<>()).add(
                        entry.stored(assessment));
            }
            history.addLast(entry);
            population.add(event.login().userId(), entry.observation);
        }
        return samples;
    }

    /**
     * The legitimate logins of a scored user as the server stored them after the last {@link #runEach} at the
     * rate-th cookie-loss rate, oldest first: features, outcome and the reason codes of the server's policy.
     */
    List<SignIn> stored(int rate, int user) {
        return stored.get(rate).getOrDefault(user, List.of());
    }

    /** Whether this legitimate login is made without the device's cookie: a fixed draw per login. */
    private boolean lostCookie(Event event, double cookieLoss) {
        if (cookieLoss >= 1) {
            return true;
        }
        long z = seed * 0x9E3779B97F4A7C15L + event.user() * 0xBF58476D1CE4E5B9L + event.prior() * 0x94D049BB133111EBL
                + 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < cookieLoss;
    }

    private Scored score(Event event, Entry entry, Deque<Entry> fullHistory, CountingPopulation population) {
        Instant at = event.login().at();
        List<Entry> capped = capped(fullHistory, at);
        CountingHistory history = CountingHistory.ofObservations(capped.stream().map(e -> e.observation).toList());
        List<SignIn> signIns = capped.stream().map(e -> e.signIn).toList();
        double hourFactor = UsualHours.learn(signIns).factor(at);
        Facts.Builder facts = Facts.builder(capped.size()).hourFactor(hourFactor)
                .recognizedDevice(RecognizedDevice.in(entry.observation, signIns));
        if (!fullHistory.isEmpty()) {
            Login last = fullHistory.getLast().login;
            ImpossibleTravel.Verdict verdict = travel.check(last.place(), last.at(), event.login().place(), at);
            facts.travel(verdict.impossible(), verdict.speedKmh());
        }
        Score score = model.score(entry.observation, history, population);
        return new Scored(event, score, facts);
    }

    /** A login's score and facts, before the cookie is known. */
    private record Scored(Event event, Score score, Facts.Builder facts) {

        Sample sample(int checkpoint, boolean rememberedDevice) {
            return new Sample(checkpoint, event.user(), event.attacker(), score, facts.rememberedDevice(rememberedDevice).build());
        }
    }

    private static Observation observation(Login login, Set<Feature> notSent) {
        Map<Feature, String> sent = new EnumMap<>(login.observation().values());
        sent.keySet().removeAll(notSent);
        return new Observation(sent);
    }

    /** The newest logins within the age limit, at most the cap: what the server's history returns. */
    private static List<Entry> capped(Deque<Entry> history, Instant at) {
        List<Entry> recent = new ArrayList<>(HISTORY_CAP);
        Instant oldest = at.minus(HISTORY_AGE);
        var newestFirst = history.descendingIterator();
        while (newestFirst.hasNext() && recent.size() < HISTORY_CAP) {
            Entry entry = newestFirst.next();
            if (entry.login.at().isBefore(oldest)) {
                break;
            }
            recent.add(entry);
        }
        return recent;
    }

    /** The checkpoint this event is evaluated for, or -1. */
    private int checkpointOf(Event event) {
        for (int checkpoint : checkpoints) {
            if (event.legitimate() ? event.prior() >= checkpoint && event.prior() < checkpoint + window
                    : event.prior() == checkpoint) {
                return checkpoint;
            }
        }
        return -1;
    }

    /** A login with its stored features, computed once. */
    private static final class Entry {
        final Login login;
        final Observation observation;
        final SignIn signIn;

        Entry(Login login, Set<Feature> notSent) {
            this.login = login;
            this.observation = observation(login, notSent);
            SignIn full = login.signIn();
            this.signIn = new SignIn(null, full.at(), observation.values(), full.place(), full.deviceLabel(), null,
                    null, List.of(), full.outcome());
        }

        /** As the server stores it after this assessment (a refused login as denied). */
        SignIn stored(Assessment assessment) {
            return new SignIn(null, signIn.at(), signIn.features(), signIn.place(), signIn.deviceLabel(),
                    assessment.level().name(), assessment.score(), assessment.reasonCodes(),
                    assessment.level() == RiskLevel.HIGH ? SignIn.Outcome.DENIED : SignIn.Outcome.ALLOWED);
        }
    }
}
