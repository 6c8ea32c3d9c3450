package dev.vigil.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server: Debian's {@code postgresql} binaries (or those in a given folder), a fresh cluster
 * in a temporary folder, listening on a free loopback port with its unix socket in that folder. PostgreSQL refuses
 * to run as root, so when this JVM runs as root the cluster belongs to the {@code postgres} user.
 */
public final class LocalPostgres {

    private static final String SUPERUSER = "postgres";
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port = FreePorts.next();
    private final String superuserPassword;
    private final boolean asOtherUser = "root".equals(System.getProperty("user.name"));
    /** A kept cluster survives {@link #stop}: its folder is given, not temporary. */
    private final boolean kept;

    private LocalPostgres(Path bin, Path keptDir) {
        this.bin = bin;
        this.kept = keptDir != null;
        try {
            this.dir = kept ? Files.createDirectories(keptDir) : Files.createTempDirectory("vigil-postgres-");
            this.data = dir.resolve("data");
            Path pwfile = dir.resolve("pwfile");
            if (Files.exists(pwfile)) {
                superuserPassword = Files.readString(pwfile);
            } else {
                superuserPassword = UUID.randomUUID().toString();
                Files.writeString(pwfile, superuserPassword);
            }
            if (asOtherUser) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                Files.setOwner(dir, owner);
                Files.setOwner(dir.resolve("pwfile"), owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a folder for PostgreSQL (is there a '" + OS_USER + "' user?)", e);
        }
    }

    /**
     * Initialises and starts a new cluster with the binaries in {@code configuredBin} when given (not blank), else
     * those of the newest Debian installation.
     */
    public static LocalPostgres start(String configuredBin) {
        LocalPostgres server = new LocalPostgres(binaries(configuredBin), null);
        server.initAndStart();
        return server;
    }

    /**
     * Starts the cluster kept in {@code dir}, initialising it there first when it has none; {@link #stop} keeps
     * it, so that a database costly to fill is filled once (the benchmark's seeded database).
     */
    public static LocalPostgres startKept(String configuredBin, Path dir) {
        LocalPostgres server = new LocalPostgres(binaries(configuredBin), dir);
        if (Files.isDirectory(server.data)) {
            server.startServer();
        } else {
            server.initAndStart();
        }
        return server;
    }

    /** A new, empty database owned by a new login role, as an operator would create one for Vigil. */
    public Database createDatabase(String purpose) {
        String name = ("vigil_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String password = UUID.randomUUID().toString();
        try (Connection admin = DriverManager.getConnection(url("postgres"), SUPERUSER, superuserPassword);
                Statement statement = admin.createStatement()) {
            statement.execute("create role " + name + " login password '" + password + "'");
            statement.execute("create database " + name + " owner " + name + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new Database(url(name), name, password);
    }

    /** A database created earlier by {@link #createDatabase} in this {@linkplain #startKept kept} cluster. */
    public Database existingDatabase(String name, String password) {
        return new Database(url(name), name, password);
    }

    /** The postmaster: every backend serving a connection is its child. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postmaster's pid", e);
        }
    }

    /** Stops the server and deletes its folder (unless it is {@linkplain #startKept kept}), keeping its log as {@code keptLog}. */
    public void stop(Path keptLog) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "--pgdata=" + data, "--mode=fast", "--wait", "stop"));
            Files.copy(dir.resolve("postgres.log"), keptLog, StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException | IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
        if (kept) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void initAndStart() {
        run(List.of(bin.resolve("initdb").toString(), "--pgdata=" + data, "--username=" + SUPERUSER,
                "--pwfile=" + dir.resolve("pwfile"), "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"));
        startServer();
    }

    private void startServer() {
        // A throwaway cluster: no fsync; enough connections for a few servers' pools at once.
        run(List.of(bin.resolve("pg_ctl").toString(), "--pgdata=" + data, "--log=" + dir.resolve("postgres.log"),
                "--wait", "--timeout=60",
                "--options=-c listen_addresses=127.0.0.1 -p " + port + " -k " + socketDirectory()
                        + " -c max_connections=200 -c fsync=off",
                "start"));
    }

    /**
     * The cluster's folder; none for a kept one, whose folder may be deep enough to exceed the 107 bytes of a socket
     * path (only TCP on loopback is used).
     */
    private String socketDirectory() {
        return kept ? "''" : dir.toString();
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asOtherUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        ChildProcess.run(full, dir, Duration.ofSeconds(90));
    }

    private static Path binaries(String configured) {
        Optional<Path> found = configured != null && !configured.isBlank()
                ? Optional.of(Path.of(configured))
                : newestDebianInstallation();
        return found.filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: its server binaries (initdb,"
                        + " pg_ctl) are needed. Install Debian's package ('apt-get install postgresql'; .ci/run does) or"
                        + " point -Dvigil.it.postgres.bin at a folder holding them."));
    }

    private static Optional<Path> newestDebianInstallation() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A database on this server and the role that owns it: what a Vigil server is given in {@code KC_DB_*}. */
    public record Database(String jdbcUrl, String username, String password) {
    }
}
