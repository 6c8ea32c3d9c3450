package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vigil.local.KeycloakProcess;

/**
 * The assembled Vigil distribution run as users run it ({@code bin/kc.sh start --optimized}, the database in
 * {@code KC_DB_*}), on free loopback ports, with its outbox in a fresh temporary folder. The database is H2 in
 * that folder, or with {@code -Dvigil.it.database=postgres} a fresh database on the run's PostgreSQL server,
 * the server then being the tarball built for PostgreSQL as the README's production path does.
 */
public final class VigilServer implements VigilNode, AutoCloseable {

    public static final String ADMIN_USER = "admin";

    /** Four minutes, or -Dvigil.it.startMinutes=N on a machine shared with other builds. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("vigil.it.startMinutes", 4));
    /** Shorter than the 10 s default, so that the timeout test is quick. */
    public static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(3);

    private final String name;
    private final Path home;
    private final Path javaHome;
    private final int httpPort;
    private final String adminPassword;
    private final Path workDir;
    private final Path log;
    private final ServerDatabase database;
    private final List<String> hostnameArgs;
    private final List<String> extraArgs;
    private KeycloakProcess process;

    private VigilServer(String name, Path home, Path javaHome, ServerDatabase database, int httpPort, URI publicUri,
            String adminPassword, List<String> extraArgs) {
        this.name = name;
        this.home = home;
        this.javaHome = javaHome;
        this.httpPort = httpPort;
        this.adminPassword = adminPassword;
        this.extraArgs = List.copyOf(extraArgs);
        try {
            this.workDir = Files.createTempDirectory("vigil-it-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.database = database != null ? database : ServerDatabase.h2In(workDir.resolve("h2"));
        // A production server has its public URL; the shared test server answers on any name it is called by.
        this.hostnameArgs = publicUri != null ? List.of("--hostname=" + publicUri) : List.of("--hostname-strict=false");
        this.log = ItConfig.outputDir().resolve(name + "-server.log");
    }

    /** A server on the JDK running the tests, with the MaxMind test databases configured. */
    public static VigilServer withTestGeoIp(String name) {
        return on(name, Path.of(System.getProperty("java.home")));
    }

    /** A server on the given JDK, on this run's database (H2, or PostgreSQL with {@code -Dvigil.it.database=postgres}). */
    public static VigilServer on(String name, Path javaHome) {
        return onTheRunsDatabase(name, javaHome, testArgs(defaultCity()));
    }

    /** Like {@link #withTestGeoIp}, with this City database file, checked for a replacement at this interval. */
    public static VigilServer withGeoIpCity(String name, Path cityDatabase, Duration fileCheckInterval) {
        List<String> args = new ArrayList<>(testArgs(cityDatabase));
        args.add("--spi-vigil-geoip--maxmind--file-check-interval=" + fileCheckInterval.toSeconds());
        return onTheRunsDatabase(name, Path.of(System.getProperty("java.home")), args);
    }

    private static VigilServer onTheRunsDatabase(String name, Path javaHome, List<String> args) {
        boolean postgres = ItConfig.onPostgres();
        return new VigilServer(name, postgres ? ProductionPath.sharedPostgresHome() : ItConfig.vigilHome(), javaHome,
                postgres ? PostgresServer.shared().createDatabase(name) : null, FreePorts.next(), null,
                UUID.randomUUID().toString(), args);
    }

    /** A distribution built for PostgreSQL by the README's commands, started as the README says, with its hostname. */
    public static VigilServer production(String name, Path home, ServerDatabase database) {
        int port = FreePorts.next();
        return new VigilServer(name, home, Path.of(System.getProperty("java.home")), database, port,
                URI.create("http://127.0.0.1:" + port), UUID.randomUUID().toString(), testArgs(defaultCity()));
    }

    /**
     * One node of a cluster: the nodes share the database (which they discover each other through, Keycloak's
     * jdbc-ping), the public URL of their load balancer and the bootstrap admin the first node creates; with these
     * further {@code kc.sh start} options, the same for every node.
     */
    public static VigilServer node(String name, Path home, ServerDatabase database, URI publicUri, String adminPassword,
            List<String> options) {
        List<String> args = new ArrayList<>(testArgs(defaultCity()));
        args.addAll(options);
        return new VigilServer(name, home, Path.of(System.getProperty("java.home")), database, FreePorts.next(), publicUri,
                adminPassword, args);
    }

    private static Path defaultCity() {
        return ItConfig.geoIpDir().resolve(TestGeoIp.CITY);
    }

    private static List<String> testArgs(Path cityDatabase) {
        String twilio = TwilioDouble.shared().baseUrl();
        List<String> args = new ArrayList<>(TestGeoIp.options(cityDatabase.toString(), ItConfig.geoIpDir().toString()));
        // Twilio's SDK in the server talks to the local double, and gives up after TWILIO_TIMEOUT.
        args.addAll(List.of(
                "--spi-vigil-otp-sender--twilio-messaging--base-url=" + twilio,
                "--spi-vigil-otp-sender--twilio-verify--base-url=" + twilio,
                "--spi-vigil-otp-sender--twilio-messaging--timeout-seconds=" + TWILIO_TIMEOUT.toSeconds(),
                "--spi-vigil-otp-sender--twilio-verify--timeout-seconds=" + TWILIO_TIMEOUT.toSeconds()));
        return args;
    }

    public VigilServer start() {
        process = KeycloakProcess.launch(home, workDir, log)
                .javaHome(javaHome)
                .database(new KeycloakProcess.Database(database.jdbcUrl(), database.username(), database.password()))
                .bootstrapAdmin(ADMIN_USER, adminPassword)
                .httpPort(httpPort)
                .startTimeout(START_TIMEOUT)
                .options(hostnameArgs)
                .options(List.of("--import-realm"))
                .options(extraArgs)
                // Twilio credentials the way production gives them when not in the vault: the environment.
                .environment("TWILIO_ACCOUNT_SID", TwilioDouble.ACCOUNT_SID)
                .environment("TWILIO_AUTH_TOKEN", TwilioDouble.AUTH_TOKEN)
                .start();
        return this;
    }

    /** SIGKILL to kc.sh and its JVM. */
    @Override
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** Stops the server (SIGTERM, which kc.sh forwards to the JVM), forcibly if it does not stop in time. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    public ServerDatabase database() {
        return database;
    }

    /** A connection to the server's own database, whichever it is (see {@link VigilTables} for vendor-neutral reads). */
    @Override
    public Connection openDatabase() throws SQLException {
        return database.open();
    }

    public Path outboxDir() {
        return workDir.resolve("outbox");
    }

    @Override
    public List<String> outboxLines() {
        Path file = outboxDir().resolve("outbox.jsonl");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " at " + baseUri();
    }
}
