package dev.vigil.privacy.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.EntityManager;

/**
 * Runs an upsert on the connection of the current transaction. PostgreSQL settles a racing insert or update of the
 * same key inside the statement; H2's {@code MERGE} may instead fail it (duplicate key, or "concurrent update") once
 * the other transaction commits, or when its wait for the other's row lock outlasts H2's lock timeout (many logins of
 * one user from one device at once queue on that device's row). H2 then undoes only that statement, so it is run
 * again, and finds the row as the other login left it: a race costs retries, never a lost sign-in nor a second row.
 */
final class RaceSafe {

    /**
     * H2's error codes for a lost race: duplicate key, "concurrent update" of a MERGE, and its lock timeout (whose
     * SQL state, HYT00, any timeout shares: hence codes, not states).
     */
    private static final Set<Integer> LOST_RACE = Set.of(23505, 90131, 50200);
    /** More than the logins that can race for one row in practice; a bound, so that a fault never loops for ever. */
    static final int MAX_ATTEMPTS = 64;

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
        for (int attempt = 1; ; attempt++) {
            try {
                return upsert.run(connection, dialect);
            } catch (SQLException lost) {
                if (dialect != UpsertDialect.H2 || !LOST_RACE.contains(lost.getErrorCode()) || attempt == MAX_ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }
}
