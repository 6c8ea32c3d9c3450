package dev.vigil.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.vigil.local.FreePorts;
import dev.vigil.local.KeycloakProcess;

/**
 * The assembled distribution started as users run it ({@code bin/kc.sh start --optimized}, the database in
 * {@code KC_DB_*}), on free loopback ports, behind a "proxy" on loopback (so that {@code X-Forwarded-For} places
 * each browser), with MaxMind's test databases and its codes written to a development outbox in {@code workDir}.
 */
public final class BenchServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Path home;
    private final Path workDir;
    private final Path geoIpDir;
    private final KeycloakProcess.Database database;
    private final int httpPort = FreePorts.next();
    private final String adminPassword = UUID.randomUUID().toString();
    private KeycloakProcess process;

    /** Keycloak's embedded H2, as a file in {@code dir}. */
    public static KeycloakProcess.Database h2In(Path dir) {
        return new KeycloakProcess.Database("jdbc:h2:file:" + dir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE", "vigil",
                "vigil-bench");
    }

    public BenchServer(Path home, Path workDir, Path geoIpDir, KeycloakProcess.Database database) {
        this.home = home;
        this.workDir = workDir;
        this.geoIpDir = geoIpDir;
        this.database = database;
    }

    public BenchServer start() {
        process = KeycloakProcess.launch(home, workDir, log())
                .database(database)
                .bootstrapAdmin(ADMIN_USER, adminPassword)
                .httpPort(httpPort)
                .startTimeout(START_TIMEOUT)
                // JIT compiler threads that never end, so that their CPU can be told apart in every phase (ProcessCpu).
                .environment("JAVA_OPTS_APPEND", "-XX:-UseDynamicNumberOfCompilerThreads")
                .options(List.of("--hostname-strict=false",
                        "--spi-vigil-geoip--maxmind--city-database=" + geoIpDir.resolve("GeoIP2-City-Test.mmdb"),
                        "--spi-vigil-geoip--maxmind--asn-database=" + geoIpDir.resolve("GeoLite2-ASN-Test.mmdb"),
                        "--spi-vigil-geoip--maxmind--anonymous-ip-database="
                                + geoIpDir.resolve("GeoIP2-Anonymous-IP-Test.mmdb")))
                .start();
        return this;
    }

    /** The JVM that serves: kc.sh's java child (or kc.sh itself when it exec'd the JVM). */
    public long jvmPid() {
        return process.jvmPid();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
        }
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
