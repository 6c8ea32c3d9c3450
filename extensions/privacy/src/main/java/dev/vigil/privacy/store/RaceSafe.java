package dev.vigil.privacy.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.EntityManager;

/**
 * Runs an upsert on the connection of the current transaction. PostgreSQL settles a racing insert of the same key
 * inside the statement; H2's {@code MERGE} may instead fail it with a duplicate key once the other transaction commits.
 * H2 then undoes only that statement, so it is run once more, and now finds the row the other login created: a
 * race costs a retry, never a failed login nor a second row.
 */
final class RaceSafe {

    /** Unique violation (SQL standard, both databases) and H2's "concurrent update" of a MERGE that lost a race. */
    private static final Set<String> LOST_INSERT_RACE = Set.of("23505", "90131");

    @FunctionalInterface
    interface Upsert<T> {
        T run(Connection connection, UpsertDialect dialect) throws SQLException;
    }

    private RaceSafe() {
    }

    static <T> T run(EntityManager em, Upsert<T> upsert) {
        return em.callWithConnection((Connection connection) -> run(connection, upsert));
    }

    static <T> T run(Connection connection, Upsert<T> upsert) throws SQLException {
        UpsertDialect dialect = UpsertDialect.of(connection);
        try {
            return upsert.run(connection, dialect);
        } catch (SQLException lost) {
            if (dialect != UpsertDialect.H2 || !LOST_INSERT_RACE.contains(lost.getSQLState())) {
                throw lost;
            }
            return upsert.run(connection, dialect);
        }
    }
}
