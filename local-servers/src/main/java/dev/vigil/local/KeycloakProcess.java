package dev.vigil.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Keycloak distribution started as its users start it ({@code bin/kc.sh start --optimized}, the database in
 * {@code KC_DB_*}), on loopback ports, as behind a reverse proxy on the same host ({@code X-Forwarded-For} believed
 * from 127.0.0.1 only), with Vigil's development outbox in its work folder. {@link Launch#start()} returns once the
 * management port reports ready; {@link #close()} stops kc.sh and the JVM it forks.
 */
public final class KeycloakProcess implements AutoCloseable {

    /** The README's start command, relative to the distribution's home. */
    public static final List<String> START = List.of("bin/kc.sh", "start", "--optimized");
    /** Behind a TLS-terminating proxy; the hostname and the proxy's addresses are the operator's. */
    public static final List<String> BEHIND_PROXY = List.of("--http-enabled=true", "--proxy-headers=xforwarded");

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final Path log;

    private KeycloakProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** What the server is given in {@code KC_DB_URL}, {@code KC_DB_USERNAME} and {@code KC_DB_PASSWORD}. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    /** The distribution in {@code home}, run in {@code workDir} (its outbox there), its output into {@code log}. */
    public static Launch launch(Path home, Path workDir, Path log) {
        return new Launch(home, workDir, log);
    }

    /** How one server is started; ports not chosen are free loopback ports. */
    public static final class Launch {

        private final Path home;
        private final Path workDir;
        private final Path log;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Database database;
        private String adminUser;
        private String adminPassword;
        private int httpPort = FreePorts.next();
        private int managementPort = FreePorts.next();
        private final int clusterPort = FreePorts.next();
        private Duration startTimeout = Duration.ofMinutes(4);
        private final List<String> options = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Launch(Path home, Path workDir, Path log) {
            this.home = home;
            this.workDir = workDir;
            this.log = log;
        }

        public Launch javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public Launch database(Database database) {
            this.database = database;
            return this;
        }

        /** The admin Keycloak creates on its first start in an empty database. */
        public Launch bootstrapAdmin(String user, String password) {
            this.adminUser = user;
            this.adminPassword = password;
            return this;
        }

        public Launch httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Launch managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        public Launch startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Further {@code kc.sh start} options, after the loopback ones (so they may override them). */
        public Launch options(List<String> more) {
            options.addAll(more);
            return this;
        }

        /** A further environment variable of the server. */
        public Launch environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(home.resolve(START.get(0)).toString());
            command.addAll(START.subList(1, START.size()));
            command.addAll(BEHIND_PROXY);
            command.addAll(List.of(
                    "--proxy-trusted-addresses=127.0.0.1/32",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + clusterPort,
                    "--spi-vigil-otp-sender--outbox--directory=" + workDir.resolve("outbox")));
            command.addAll(options);
            return command;
        }

        Map<String, String> serverEnvironment() {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(adminUser, "bootstrap admin");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("KC_DB_URL", database.jdbcUrl());
            env.put("KC_DB_USERNAME", database.username());
            env.put("KC_DB_PASSWORD", database.password());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.putAll(environment);
            return env;
        }

        /** Starts the server and waits until it is ready; stopped again (and said why) if it is not in time. */
        public KeycloakProcess start() {
            List<String> command = command();
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(serverEnvironment());
            KeycloakProcess server;
            try {
                server = new KeycloakProcess(builder.start(), log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
            // A test run or benchmark that ends abruptly must not leave a server behind.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitReady(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), startTimeout);
            return server;
        }
    }

    private void awaitReady(URI readiness, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting ("
                        + log + "):\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // polled again until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("the server was not ready within " + timeout + " (" + log + "):\n" + logTail());
    }

    /** The JVM that serves: kc.sh's java child (or kc.sh itself when it exec'd the JVM). */
    public long jvmPid() {
        return process.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle()).pid();
    }

    /** SIGKILL to kc.sh and its JVM, as a crash. */
    public synchronized void kill() {
        ChildProcess.kill(process);
    }

    /** Stops the server (SIGTERM, which kc.sh forwards to the JVM), forcibly if it does not stop in time. */
    @Override
    public synchronized void close() {
        ChildProcess.stop(process, STOP_TIMEOUT);
    }

    /** The last lines of the server's output, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
