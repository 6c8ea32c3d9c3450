package dev.vigil.bench.load;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.vigil.local.FreePorts;

/**
 * The assembled distribution started as users run it ({@code bin/kc.sh start --optimized}, the database in
 * {@code KC_DB_*}), on free loopback ports, behind a "proxy" on loopback (so that {@code X-Forwarded-For} places
 * each browser), with MaxMind's test databases and its codes written to a development outbox in {@code workDir}.
 */
public final class BenchServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path workDir;
    private final Path geoIpDir;
    private final DatabaseAccount database;
    private final int httpPort = FreePorts.next();
    private final int managementPort = FreePorts.next();
    private final int clusterPort = FreePorts.next();
    private final String adminPassword = UUID.randomUUID().toString();
    private Process process;

    /** What the server is given in {@code KC_DB_URL}, {@code KC_DB_USERNAME} and {@code KC_DB_PASSWORD}. */
    public record DatabaseAccount(String jdbcUrl, String username, String password) {

        /** Keycloak's embedded H2, as a file in {@code dir}. */
        public static DatabaseAccount h2In(Path dir) {
            return new DatabaseAccount("jdbc:h2:file:" + dir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE", "vigil", "vigil-bench");
        }
    }

    public BenchServer(Path home, Path workDir, Path geoIpDir, DatabaseAccount database) {
        this.home = home;
        this.workDir = workDir;
        this.geoIpDir = geoIpDir;
        this.database = database;
    }

    public BenchServer start() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false", "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=127.0.0.1/32",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + clusterPort,
                "--spi-vigil-otp-sender--outbox--directory=" + outboxDir(),
                "--spi-vigil-geoip--maxmind--city-database=" + geoIpDir.resolve("GeoIP2-City-Test.mmdb"),
                "--spi-vigil-geoip--maxmind--asn-database=" + geoIpDir.resolve("GeoLite2-ASN-Test.mmdb"),
                "--spi-vigil-geoip--maxmind--anonymous-ip-database=" + geoIpDir.resolve("GeoIP2-Anonymous-IP-Test.mmdb")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log().toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_DB_URL", database.jdbcUrl());
        env.put("KC_DB_USERNAME", database.username());
        env.put("KC_DB_PASSWORD", database.password());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
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
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting: see " + log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (IOException notYetListening) {
                // polled again until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the server was not ready within " + START_TIMEOUT + ": see " + log());
    }

    /** The JVM that serves: kc.sh's java child (or kc.sh itself when it exec'd the JVM). */
    public long jvmPid() {
        return process.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle()).pid();
    }

    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Path outboxDir() {
        return workDir.resolve("outbox");
    }

    public Path log() {
        return workDir.resolve("server.log");
    }
}
