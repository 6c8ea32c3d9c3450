package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.vigil.local.KeycloakProcess;

/**
 * The README's production commands, kept in one place so that the tests run exactly them and the container
 * files can be checked against them: unpack the tarball, build once for PostgreSQL, start the optimized build
 * with the database given by {@code KC_DB_*} and the proxy options.
 */
public final class ProductionPath {

    public static final List<String> BUILD = List.of("bin/kc.sh", "build", "--db=postgres");
    public static final List<String> START = KeycloakProcess.START;
    public static final List<String> BEHIND_PROXY = KeycloakProcess.BEHIND_PROXY;
    public static final List<String> DATABASE_ENVIRONMENT = List.of("KC_DB_URL", "KC_DB_USERNAME", "KC_DB_PASSWORD");

    private static Path sharedPostgresHome;

    private ProductionPath() {
    }

    /** {@code tar xzf vigil-<version>.tar.gz} in {@code dir}; returns the unpacked {@code vigil-<version>}. */
    public static Path unpack(Path tarball, Path dir) {
        run(List.of("tar", "xzf", tarball.toString()), dir);
        Path home = dir.resolve("vigil-" + ItConfig.version());
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(tarball + " does not unpack to an executable " + home.resolve("bin/kc.sh"));
        }
        return home;
    }

    /** {@code bin/kc.sh build --db=postgres} in the unpacked distribution. */
    public static Path buildForPostgres(Path home) {
        run(BUILD, home);
        return home;
    }

    /**
     * The tarball unpacked and built for PostgreSQL once per test run, under target/it, for the database-backed
     * tests to run on PostgreSQL ({@code -Dvigil.it.database=postgres}).
     */
    public static synchronized Path sharedPostgresHome() {
        if (sharedPostgresHome == null) {
            Path dir = ItConfig.outputDir().resolve("postgres-distribution");
            deleteRecursively(dir);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sharedPostgresHome = buildForPostgres(unpack(ItConfig.tarball(), dir));
        }
        return sharedPostgresHome;
    }

    private static void run(List<String> command, Path dir) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
