package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    /** Shorter than the 10 s default, so that the timeout test is quick. */
    public static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(3);

    private final String name;
    private final Path home;
    private final Path javaHome;
    private final int httpPort;
    private final int managementPort = FreePorts.next();
    private final int clusterPort = FreePorts.next();
    private final String adminPassword;
    private final Path workDir;
    private final Path log;
    private final ServerDatabase database;
    private final List<String> hostnameArgs;
    private final List<String> extraArgs;
    private Process process;

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
        List<String> command = new ArrayList<>();
        command.add(home.resolve(ProductionPath.START.get(0)).toString());
        command.addAll(ProductionPath.START.subList(1, ProductionPath.START.size()));
        command.addAll(hostnameArgs);
        // As behind a reverse proxy on the same host: forwarded addresses are believed from loopback only.
        command.addAll(ProductionPath.BEHIND_PROXY);
        command.add("--proxy-trusted-addresses=127.0.0.1/32");
        command.addAll(List.of(
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--spi-vigil-otp-sender--outbox--directory=" + outboxDir()));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_DB_URL", database.jdbcUrl());
        env.put("KC_DB_USERNAME", database.username());
        env.put("KC_DB_PASSWORD", database.password());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // Twilio credentials the way production gives them when not in the vault: the environment.
        env.put("TWILIO_ACCOUNT_SID", TwilioDouble.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TwilioDouble.AUTH_TOKEN);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        awaitReady();
        return this;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Vigil was not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** SIGKILL to kc.sh and its JVM. */
    @Override
    public synchronized void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server (SIGTERM, which kc.sh forwards to the JVM), forcibly if it does not stop in time. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
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

    private String logTail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public String toString() {
        return name + " at " + baseUri();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
