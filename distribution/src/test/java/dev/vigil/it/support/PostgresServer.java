package dev.vigil.it.support;

import dev.vigil.local.LocalPostgres;

/**
 * The one PostgreSQL server of this test JVM ({@link LocalPostgres}: Debian's {@code postgresql} package, or the
 * binaries in {@code -Dvigil.it.postgres.bin}), started on first use, stopped and deleted when the JVM ends with
 * its log kept among the run's other logs.
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final LocalPostgres server;

    private PostgresServer(LocalPostgres server) {
        this.server = server;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            LocalPostgres server = LocalPostgres.start(System.getProperty("vigil.it.postgres.bin"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(ItConfig.outputDir().resolve("postgres.log"))));
            shared = new PostgresServer(server);
        }
        return shared;
    }

    /** A new, empty database owned by a new login role, as an operator would create one for Vigil. */
    public ServerDatabase createDatabase(String purpose) {
        LocalPostgres.Database database = server.createDatabase(purpose);
        return new ServerDatabase(database.jdbcUrl(), database.username(), database.password());
    }
}
