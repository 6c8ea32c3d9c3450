package dev.vigil.bench.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vigil.api.history.SignIn;
import dev.vigil.bench.synthetic.Diversity;
import dev.vigil.bench.synthetic.Login;
import dev.vigil.bench.synthetic.LoginGenerator;
import dev.vigil.bench.synthetic.LoginGenerator.Event;
import dev.vigil.risk.model.Assessment;
import dev.vigil.risk.model.CountingHistory;
import dev.vigil.risk.model.CountingPopulation;
import dev.vigil.risk.model.Facts;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.ImpossibleTravel;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.Observation;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RecognizedDevice;
import dev.vigil.risk.model.RiskPolicy;
import dev.vigil.risk.model.Score;
import dev.vigil.risk.model.UsualHours;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scoring engine's cost per login, single thread, for users with a history of 100 successful logins in a
 * realm of 1,000 such users (101,000 logins counted): the model alone, model and policy, and everything the server
 * computes per login once the history is loaded (counting it, the usual hours, impossible travel, score, policy).
 * Target: 50,000 evaluations per second per core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class ScoringBenchmark {

    static final int USERS = 1_000;
    static final int HISTORY = 100;

    private final FreemanModel model = new FreemanModel(ModelSettings.defaults());
    private final RiskPolicy policy = new RiskPolicy(PolicySettings.defaults());
    private final ImpossibleTravel travel = new ImpossibleTravel(ImpossibleTravel.DEFAULT_MAX_SPEED_KMH);

    private CountingPopulation population;
    private Observation[] logins;
    private Login[] rawLogins;
    private CountingHistory[] histories;
    private List<List<SignIn>> signIns;
    private Facts[] facts;

    @Setup(Level.Trial)
    public void setUp() {
        LoginGenerator generator = new LoginGenerator(7, Diversity.RICH);
        population = new CountingPopulation();
        logins = new Observation[USERS];
        rawLogins = new Login[USERS];
        histories = new CountingHistory[USERS];
        signIns = new ArrayList<>(USERS);
        facts = new Facts[USERS];
        for (int user = 0; user < USERS; user++) {
            List<Event> events = generator.events(user, HISTORY + 1, List.of(), 0);
            List<Login> history = events.subList(0, HISTORY).stream().map(Event::login).toList();
            Login next = events.get(HISTORY).login();
            List<SignIn> userSignIns = history.stream().map(Login::signIn).toList();
            CountingHistory counted = CountingHistory.of(userSignIns);
            history.forEach(login -> population.add(login.userId(), login.observation()));
            logins[user] = next.observation();
            rawLogins[user] = next;
            histories[user] = counted;
            signIns.add(userSignIns);
            facts[user] = Facts.builder(HISTORY).hourFactor(UsualHours.learn(userSignIns).factor(next.at())).build();
        }
    }

    @Benchmark
    public Score score(Cursor cursor) {
        int i = cursor.advance(USERS);
        return model.score(logins[i], histories[i], population);
    }

    @Benchmark
    public Assessment scoreAndAssess(Cursor cursor) {
        int i = cursor.advance(USERS);
        return policy.assess(model.score(logins[i], histories[i], population), facts[i]);
    }

    /** Everything after loading the 100 sign-ins: count them, usual hours, travel, recognized device, score, policy. */
    @Benchmark
    public Assessment wholeLogin(Cursor cursor) {
        int i = cursor.advance(USERS);
        List<SignIn> history = signIns.get(i);
        Login login = rawLogins[i];
        Instant at = login.at();
        SignIn last = history.get(history.size() - 1);
        ImpossibleTravel.Verdict verdict = travel.check(last.place(), last.at(), login.place(), at);
        Facts loginFacts = Facts.builder(history.size())
                .hourFactor(UsualHours.learn(history).factor(at))
                .travel(verdict.impossible(), verdict.speedKmh())
                .recognizedDevice(RecognizedDevice.in(logins[i], history))
                .build();
        return policy.assess(model.score(logins[i], CountingHistory.of(history), population), loginFacts);
    }
}
