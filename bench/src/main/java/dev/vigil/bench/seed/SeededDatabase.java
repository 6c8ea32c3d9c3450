package dev.vigil.bench.seed;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import dev.vigil.bench.load.BenchRealms;
import dev.vigil.bench.load.BenchServer;
import dev.vigil.bench.load.BenchUser;
import dev.vigil.bench.load.LoadOptions;
import dev.vigil.bench.synthetic.Diversity;
import dev.vigil.bench.synthetic.LoginGenerator;
import dev.vigil.local.KeycloakProcess;
import dev.vigil.local.LocalPostgres;

/**
 * {@code bench/run load --seed-users N}: a PostgreSQL cluster kept in {@code bench/target/seed/} holding two realms
 * with Vigil's browser flow, a small and a large one, whose every user has a seeded history. It is filled once, on
 * the first run with these sizes (the server creates the realms and their measured users, SQL adds the rest), and
 * reused by later runs. The measured logins add their own sign-ins to it, as a production server would.
 */
public final class SeededDatabase {

    /** Histories end at the seeding and span at most this: inside the retention period (180 days by default). */
    static final Duration HISTORY_WINDOW = Duration.ofDays(150);
    /** After this, the oldest seeded sign-ins would near the retention period: the database is seeded again. */
    static final Duration REUSABLE_FOR = Duration.ofDays(25);
    /** The synthetic world's seed, so that every seeding of the same sizes writes the same histories. */
    private static final long GENERATOR_SEED = 12;
    /** Generator users of the small realm come after those of the large one: two different populations. */
    private static final int SMALL_REALM_FIRST_USER = 10_000_000;
    /** Changes whenever what is seeded changes, so that an older cache is not reused. */
    private static final String FORMAT = "v2";
    private static final List<String> BULK_LOADED = List.of("vigil_sign_in", "vigil_device", "vigil_consent",
            "vigil_last_sign_in", "vigil_population");

    private final Path dir;
    private final LoadOptions.Seeding seeding;
    private final LocalPostgres postgres;
    private final LocalPostgres.Database database;
    private final BenchRealms.Flow small;
    private final BenchRealms.Flow large;

    private SeededDatabase(Path dir, LoadOptions.Seeding seeding, LocalPostgres postgres, LocalPostgres.Database database) {
        this.dir = dir;
        this.seeding = seeding;
        this.postgres = postgres;
        this.database = database;
        this.small = new BenchRealms.Flow(label(seeding.smallUsers()), "bench-vigil-small", BenchRealms.VIGIL.browserFlow());
        this.large = new BenchRealms.Flow(label(seeding.users()), "bench-vigil-large", BenchRealms.VIGIL.browserFlow());
    }

    /** Starts the kept cluster for these sizes, wiped first when it was never completely seeded or is too old. */
    public static SeededDatabase open(Path cacheRoot, LoadOptions.Seeding seeding, int measuredUsers,
            LoadOptions.Hashing hashing, String postgresBin) throws IOException {
        Path dir = cacheRoot.resolve(String.format(Locale.ROOT, "%s-%d-%d-%dx-%d-%s", FORMAT,
                seeding.users(), seeding.smallUsers(), seeding.signIns(), measuredUsers,
                hashing.name().toLowerCase(Locale.ROOT)));
        if (!reusable(dir)) {
            delete(dir);
        }
        LocalPostgres postgres = LocalPostgres.startKept(postgresBin, dir.resolve("postgres"));
        Path credentials = dir.resolve("database.properties");
        Properties stored = new Properties();
        LocalPostgres.Database database;
        if (Files.exists(credentials)) {
            try (var in = Files.newBufferedReader(credentials)) {
                stored.load(in);
            }
            database = postgres.existingDatabase(stored.getProperty("name"), stored.getProperty("password"));
        } else {
            database = postgres.createDatabase("seeded");
            stored.setProperty("name", database.username());
            stored.setProperty("password", database.password());
            try (var out = Files.newBufferedWriter(credentials)) {
                stored.store(out, "the seeded database and its owner (a throwaway cluster on loopback)");
            }
        }
        return new SeededDatabase(dir, seeding, postgres, database);
    }

    public KeycloakProcess.Database database() {
        return new KeycloakProcess.Database(database.jdbcUrl(), database.username(), database.password());
    }

    public long postmasterPid() {
        return postgres.postmasterPid();
    }

    public BenchRealms.Flow small() {
        return small;
    }

    public BenchRealms.Flow large() {
        return large;
    }

    /**
     * Seeds the database unless it already is: the server (started on it) creates both realms with the measured
     * users, then SQL copies the first of them to reach each realm's size and gives every user a history.
     */
    public void fill(BenchServer server, Path demoRealm, List<BenchUser> measured, LoadOptions.Hashing hashing)
            throws IOException, SQLException {
        if (Files.exists(stamp())) {
            System.out.println("Reusing the seeded database in " + dir + " (" + Files.readString(stamp()).trim()
                    + "; delete the folder to seed again)");
            return;
        }
        Instant start = Instant.now();
        System.out.printf(Locale.ROOT, "Seeding %,d + %,d users with %d sign-ins each into %s%n", seeding.smallUsers(),
                seeding.users(), seeding.signIns(), dir);
        BenchRealms.create(server, demoRealm, measured, hashing, List.of(small, large), BenchRealms.RiskStep.ENFORCE);
        try (Connection db = connect()) {
            SecondaryIndexes indexes = SecondaryIndexes.drop(db, BULK_LOADED);
            HistorySeeder histories = new HistorySeeder(db, new LoginGenerator(GENERATOR_SEED, Diversity.RICH),
                    seeding.signIns(), new HistoryWindow(start, HISTORY_WINDOW), SeedTerms.of(demoRealm));
            seedRealm(db, histories, small.realm(), seeding.smallUsers(), measured, SMALL_REALM_FIRST_USER);
            seedRealm(db, histories, large.realm(), seeding.users(), measured, 0);
            Instant indexing = Instant.now();
            indexes.rebuild();
            try (Statement statement = db.createStatement()) {
                statement.execute("vacuum analyze");
            }
            System.out.printf(Locale.ROOT, "  indexes built again and statistics gathered in %d s%n",
                    Duration.between(indexing, Instant.now()).toSeconds());
        }
        Duration took = Duration.between(start, Instant.now());
        String seeded = String.format(Locale.ROOT, "seeded at %s in %d min %02d s", start, took.toMinutes(),
                took.toSecondsPart());
        Files.writeString(stamp(), seeded + "\n");
        System.out.println("Seeded: " + seeded);
    }

    private void seedRealm(Connection db, HistorySeeder histories, String realm, int size, List<BenchUser> measured,
            int firstGeneratorUser) throws SQLException {
        Instant start = Instant.now();
        String realmId = SeedQueries.realmId(db, realm);
        KeycloakUsers users = new KeycloakUsers(db);
        users.copy(realmId, measured.get(0).username(), size - measured.size());
        // The measured users sort first; their histories come from their own first login (MeasuredHistories).
        List<String> ids = users.ids(realmId).subList(measured.size(), size);
        Instant historiesStart = Instant.now();
        histories.seed(realmId, RealmKey.pseudonymsOf(db, realmId), ids, firstGeneratorUser);
        System.out.printf(Locale.ROOT, "  %s: %,d users in %d s, their histories in %d s%n", realm, ids.size(),
                Duration.between(start, historiesStart).toSeconds(), Duration.between(historiesStart, Instant.now()).toSeconds());
    }

    /**
     * After the measured users' first login in both realms: gives each the same number of sign-ins as the seeded
     * users, copies of what the server kept of that login (nothing to do on a reused database).
     */
    public void topUpMeasured(List<BenchUser> measured) throws SQLException {
        try (Connection db = connect()) {
            MeasuredHistories histories = new MeasuredHistories(db);
            List<String> usernames = measured.stream().map(BenchUser::username).toList();
            int added = 0;
            for (BenchRealms.Flow flow : List.of(small, large)) {
                added += histories.topUp(SeedQueries.realmId(db, flow.realm()), usernames, seeding.signIns());
            }
            if (added > 0) {
                System.out.printf(Locale.ROOT, "The measured users' first sign-ins copied back in time: %,d sign-ins added%n",
                        added);
            }
        }
    }

    /** Prints the database's figures after a run: sizes per 1,000 users, sign-ins per user, the plans of a login's queries. */
    public void report(PrintStream out, Path demoRealm, String measuredUsername) throws SQLException {
        try (Connection db = connect()) {
            new SeedReport(db, out).print(small.realm(), large.realm(), measuredUsername, seeding.signIns(),
                    SeedTerms.of(demoRealm));
        }
    }

    /** A connection as the database's owner, the role the server uses. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** Stops the cluster, keeping it for the next run; its log goes to {@code log}. */
    public void stop(Path log) {
        postgres.stop(log);
    }

    private Path stamp() {
        return dir.resolve("seeded");
    }

    private static boolean reusable(Path dir) throws IOException {
        Path stamp = dir.resolve("seeded");
        return Files.exists(stamp)
                && Files.getLastModifiedTime(stamp).toInstant().isAfter(Instant.now().minus(REUSABLE_FOR));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path, e);
                }
            });
        }
    }

    /** "1k", "100k", or the number itself. */
    static String label(int users) {
        return users % 1000 == 0 ? users / 1000 + "k" : Integer.toString(users);
    }
}
