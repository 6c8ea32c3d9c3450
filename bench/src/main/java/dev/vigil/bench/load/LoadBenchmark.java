package dev.vigil.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.vigil.bench.seed.SeededDatabase;
import dev.vigil.local.KeycloakProcess;
import dev.vigil.local.LocalPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * {@code bench/run load}: what Vigil's browser flow costs the server per login, against Keycloak's stock one, on
 * the assembled distribution started as users run it. See bench/README.md for the method and the options.
 */
public final class LoadBenchmark {

    /** Home and new-device addresses: MaxMind's test network in Linköping (89.160.20.112/28). */
    private static final String NETWORK = "89.160.20.";
    private static final int FIRST_HOST = 112;
    private static final int HOSTS = 16;
    private static final String OWN_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0";
    private static final String NEW_DEVICE_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path repository = Path.of("").toAbsolutePath();
        Path workDir = Files.createDirectories(repository.resolve("bench/target/load/run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        LocalPostgres postgres = null;
        SeededDatabase seeded = null;
        KeycloakProcess.Database database;
        Path home = Distribution.h2Home(repository);
        if (options.seeding().isPresent()) {
            seeded = SeededDatabase.open(repository.resolve("bench/target/seed"), options.seeding().get(),
                    options.users(), options.hashing(), System.getProperty("vigil.it.postgres.bin"));
            database = seeded.database();
            home = Distribution.postgresHome(repository);
        } else if (options.database() == LoadOptions.Database.POSTGRES) {
            postgres = LocalPostgres.start(System.getProperty("vigil.it.postgres.bin"));
            LocalPostgres.Database created = postgres.createDatabase("bench");
            database = new KeycloakProcess.Database(created.jdbcUrl(), created.username(), created.password());
            home = Distribution.postgresHome(repository);
        } else {
            database = BenchServer.h2In(workDir.resolve("h2"));
        }
        Vertx vertx = Vertx.vertx();
        try (BenchServer server = new BenchServer(home, workDir,
                repository.resolve("extensions/risk/src/test/resources/maxmind"), database)) {
            System.out.printf(Locale.ROOT, "%s; %d users, %s hashing, %s; warm-up %d s, %d phases of %d s; logs in %s%n",
                    options.database().name().toLowerCase(Locale.ROOT), options.users(),
                    options.hashing().name().toLowerCase(Locale.ROOT), load(options), options.warmUp().toSeconds(),
                    options.phases(), options.phaseLength().toSeconds(), workDir);
            server.start();
            List<BenchUser> users = users(options.users());
            Path demoRealm = repository.resolve("realm-config/vigil-demo-realm.json");
            BenchRealms.Flow baseline = BenchRealms.STOCK;
            BenchRealms.Flow candidate = BenchRealms.VIGIL;
            if (seeded != null) {
                seeded.fill(server, demoRealm, users, options.hashing());
                baseline = seeded.small();
                candidate = seeded.large();
                System.out.printf(Locale.ROOT, "Vigil's browser flow in a realm of %s users (%s) against one of %s (%s)%n",
                        baseline.label(), baseline.realm(), candidate.label(), candidate.realm());
            } else {
                // A new device's login is measured without the OTP step: scored and recorded, no code asked.
                BenchRealms.RiskStep riskStep = options.measure() == LoadOptions.Measure.NEW_DEVICE
                        ? BenchRealms.RiskStep.REPORT_ONLY : BenchRealms.RiskStep.ENFORCE;
                BenchRealms.create(server, demoRealm, users, options.hashing(), riskStep);
            }
            Optional<Long> postmaster = seeded != null ? Optional.of(seeded.postmasterPid())
                    : Optional.ofNullable(postgres).map(LocalPostgres::postmasterPid);
            SeededDatabase seededDatabase = seeded;
            Runnable afterFirstLogins = seededDatabase == null ? () -> { } : () -> {
                try {
                    seededDatabase.topUpMeasured(users);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot top up the measured users' histories", e);
                }
            };
            run(vertx, server, users, options, () -> postmaster.map(ProcessCpu::ofTree), baseline, candidate,
                    afterFirstLogins);
            if (seeded != null) {
                seeded.report(System.out, demoRealm, users.get(0).username());
            }
        } finally {
            vertx.close();
            if (postgres != null) {
                postgres.stop(workDir.resolve("postgres.log"));
            }
            if (seeded != null) {
                seeded.stop(workDir.resolve("postgres.log"));
            }
        }
    }

    /** The load the header line announces; the returning mode's words are those of the runs before the modes. */
    private static String load(LoadOptions options) {
        return switch (options.measure()) {
            case RETURNING -> String.format(Locale.ROOT, "%d clients, %.0f%% of logins from a new device",
                    options.clients(), 100 * options.newDevices());
            case NEW_DEVICE -> String.format(Locale.ROOT, "%d clients, every login from a new device, Vigil's risk step"
                    + " report-only (scored, no code asked)", options.clients());
            case P99 -> String.format(Locale.ROOT, "stock's saturation with %d clients, then open loop at half of it,"
                    + " %.0f%% of logins from a new device", options.saturationClients(), 100 * options.newDevices());
        };
    }

    private static void run(Vertx vertx, BenchServer server, List<BenchUser> users, LoadOptions options,
            Supplier<Optional<Duration>> databaseCpu, BenchRealms.Flow baseline, BenchRealms.Flow candidate,
            Runnable afterFirstLogins) {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(options.concurrentLogins() * 2));
        BrowserLogin login = new BrowserLogin(server.baseUri(), client, new OutboxCodes(server.outboxDir()));
        Map<BenchUser, Browser> own = new HashMap<>();
        users.forEach(user -> own.put(user, new Browser(client, user.address(), OWN_AGENT)));
        LoginStarter starter = new LoginStarter(login, new LoginStarter.Browsers() {
            @Override
            public Browser own(BenchUser user) {
                return own.get(user);
            }

            @Override
            public Browser newDevice(BenchUser user) {
                return new Browser(client, otherAddressThan(user.address()), NEW_DEVICE_AGENT);
            }
        }, options.newDevices());
        ClosedLoop loop = new ClosedLoop(starter, users, options.closedLoopClients());

        for (BenchRealms.Flow flow : List.of(baseline, candidate)) {
            LoginTally first = await(loop.everyUserOnce(flow)).tally();
            System.out.printf(Locale.ROOT, "%s: first login of every user: %d signed in, %d stepped up, %d failed%n",
                    flow.label(), first.latencyNanos().length, first.steppedUp(), first.failures().size());
            first.failures().stream().limit(3).forEach(failure -> System.out.println("  failed: " + failure));
            if (first.latencyNanos().length == 0) {
                throw new IllegalStateException("no login succeeded in " + flow.realm() + ": see " + server.log());
            }
        }
        afterFirstLogins.run();
        Duration halfWarmUp = options.warmUp().dividedBy(2);
        await(loop.run(baseline, halfWarmUp));
        await(loop.run(candidate, halfWarmUp));

        PhaseMeter meter = new PhaseMeter(server.jvmPid(), databaseCpu);
        ServerRecording recording = new ServerRecording(server.jvmPid(), options.jfrDir());
        if (options.measure() == LoadOptions.Measure.P99) {
            PhaseResult saturation = meter.measure(baseline, () -> loop.run(baseline, options.phaseLength()));
            double perSecond = saturation.loginsPerSecond() / 2;
            LoadReport.printSaturation(System.out, saturation, options.saturationClients(), perSecond);
            OpenLoop open = new OpenLoop(vertx, starter, users);
            List<PhaseResult> phases = alternate(options, meter, recording, baseline, candidate,
                    flow -> open.run(flow, perSecond, options.phaseLength()));
            LoadReport.printOpenLoop(System.out, phases, baseline, candidate, perSecond);
        } else {
            List<PhaseResult> phases = alternate(options, meter, recording, baseline, candidate,
                    flow -> loop.run(flow, options.phaseLength()));
            LoadReport.print(System.out, phases, baseline, candidate);
            if (options.measure() == LoadOptions.Measure.NEW_DEVICE
                    && !LoadReport.printNewDevice(System.out, phases, baseline, candidate)) {
                throw new IllegalStateException("Vigil's logins were not each a consenting user's new device: see "
                        + server.log());
            }
        }
        if (options.jfrDir().isPresent()) {
            System.out.println("JFR recordings of the Vigil phases in " + options.jfrDir().get()
                    + " (their CPU figures include the recorder's own cost)");
        }
    }

    /** {@code --phases} phases alternated A B / B A (stock, Vigil, Vigil, stock, ...), each printed as it ends. */
    private static List<PhaseResult> alternate(LoadOptions options, PhaseMeter meter, ServerRecording recording,
            BenchRealms.Flow baseline, BenchRealms.Flow candidate,
            Function<BenchRealms.Flow, Future<LoginRecorder>> phase) {
        List<PhaseResult> phases = new ArrayList<>();
        for (int pair = 0; pair < options.phases() / 2; pair++) {
            List<BenchRealms.Flow> order = pair % 2 == 0
                    ? List.of(baseline, candidate)
                    : List.of(candidate, baseline);
            for (BenchRealms.Flow flow : order) {
                boolean recorded = flow.equals(candidate) && recording.start(phases.size() + 1);
                PhaseResult result = meter.measure(flow, () -> phase.apply(flow));
                if (recorded) {
                    recording.stop(phases.size() + 1);
                }
                phases.add(result);
                System.out.printf(Locale.ROOT, "phase %d (%s): %d logins, %.1f/s, %.2f ms server CPU per login%n",
                        phases.size(), flow.label(), result.logins(), result.loginsPerSecond(), result.serverCpuPerLogin());
            }
        }
        return phases;
    }

    private static List<BenchUser> users(int count) {
        List<BenchUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new BenchUser(String.format(Locale.ROOT, "bench-user-%05d", i), "bench-password-" + i,
                    NETWORK + (FIRST_HOST + i % HOSTS)));
        }
        return users;
    }

    private static String otherAddressThan(String home) {
        String other;
        do {
            other = NETWORK + (FIRST_HOST + ThreadLocalRandom.current().nextInt(HOSTS));
        } while (other.equals(home));
        return other;
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    /** Where the build put the distribution: as built (H2), or unpacked from its tarball and built for PostgreSQL. */
    static final class Distribution {

        private Distribution() {
        }

        static Path h2Home(Path repository) {
            try (Stream<Path> built = Files.list(repository.resolve("distribution/target"))) {
                return built.filter(dir -> dir.getFileName().toString().startsWith("vigil-")
                                && Files.isExecutable(dir.resolve("bin/kc.sh")))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no distribution/target/vigil-*/bin/kc.sh"));
            } catch (IOException e) {
                throw new UncheckedIOException("no distribution/target: run bench/run load, which builds it", e);
            }
        }

        /** The README's production path: {@code tar xzf}, then {@code kc.sh build --db=postgres}; redone when the tarball changes. */
        static Path postgresHome(Path repository) throws IOException, InterruptedException {
            Path home = h2Home(repository);
            Path tarball = home.resolveSibling(home.getFileName() + ".tar.gz");
            Path dir = repository.resolve("bench/target/load/postgres-distribution");
            Path built = dir.resolve(home.getFileName());
            Path stamp = dir.resolve("built-from");
            String source = tarball + " " + Files.getLastModifiedTime(tarball);
            if (Files.exists(stamp) && Files.readString(stamp).equals(source)) {
                return built;
            }
            System.out.println("Building the distribution for PostgreSQL in " + dir);
            try (Stream<Path> old = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            Files.createDirectories(dir);
            run(dir, "tar", "xzf", tarball.toString());
            run(built, built.resolve("bin/kc.sh").toString(), "build", "--db=postgres");
            Files.writeString(stamp, source);
            return built;
        }

        private static void run(Path dir, String... command) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolveSibling("postgres-build.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            if (builder.start().waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: see " + dir.resolveSibling("postgres-build.log"));
            }
        }
    }
}
