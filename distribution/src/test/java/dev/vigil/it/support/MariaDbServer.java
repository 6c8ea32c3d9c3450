package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.vigil.local.ChildProcess;

/**
 * A throwaway MariaDB server for a site under test: Debian's {@code mariadb-server} binaries (installed by .ci/run),
 * a fresh data folder made by {@code mariadb-install-db} in a temporary folder, {@code mariadbd} listening on a free
 * loopback port with its own socket there, as the current user, with no system service. {@link #close()} stops it
 * and deletes the folder.
 */
public final class MariaDbServer implements AutoCloseable {

    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final Process process;

    private MariaDbServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static MariaDbServer start() {
        ApacheHttpd.requireInstalled(MARIADBD, "mariadb-server");
        int port = FreePorts.next();
        try {
            // Not under target/: a unix socket path must stay short (108 bytes).
            Path dir = Files.createTempDirectory("vigil-mariadb-");
            String user = System.getProperty("user.name");
            ChildProcess.run(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + user,
                    "--auth-root-authentication-method=socket", "--skip-test-db"), dir, COMMAND_TIMEOUT);
            // mariadbd refuses root unless told so by name; throwaway data, so no binary log.
            Process process = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--socket=" + dir.resolve("mariadb.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--user=" + user, "--skip-log-bin", "--pid-file=" + dir.resolve("mariadb.pid"),
                    "--log-error=" + dir.resolve("mariadb.log"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mariadb.out").toFile())
                    .start();
            MariaDbServer server = new MariaDbServer(dir, port, process);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database and a user that owns it, reachable over TCP on the loopback address. */
    public Database createDatabase(String name) {
        String password = UUID.randomUUID().toString();
        String user = name + "_user";
        sql("CREATE DATABASE " + name + " CHARACTER SET utf8mb4;"
                + " CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                + " GRANT ALL ON " + name + ".* TO '" + user + "'@'127.0.0.1';");
        return new Database("127.0.0.1:" + port, name, user, password);
    }

    private void sql(String statements) {
        ChildProcess.run(List.of(CLIENT.toString(), "--no-defaults", "--socket=" + dir.resolve("mariadb.sock"), "--user=root",
                "--execute=" + statements), dir, COMMAND_TIMEOUT);
    }

    private void awaitListening() {
        LocalListener.await("mariadbd", process, port, START_TIMEOUT, this::log);
    }

    private String log() {
        try {
            Path log = dir.resolve("mariadb.log");
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server (SIGTERM: a clean shutdown), keeps its log among the run's logs, deletes its folder. */
    @Override
    public void close() {
        ChildProcess.stop(process, Duration.ofSeconds(30));
        try {
            Path log = dir.resolve("mariadb.log");
            if (Files.exists(log)) {
                Files.copy(log, ItConfig.outputDir().resolve("mariadb-" + port + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("cannot keep the MariaDB log: " + e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e);
        }
    }

    /** A database, its user and where PHP reaches it ({@code host:port}, WordPress's {@code DB_HOST}). */
    public record Database(String host, String name, String user, String password) {
    }
}
