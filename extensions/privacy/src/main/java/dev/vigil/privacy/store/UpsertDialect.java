package dev.vigil.privacy.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;

/**
 * Insert-or-update by a unique key as one statement, in the database's own words: PostgreSQL's
 * {@code INSERT ... ON CONFLICT} (atomic against a racing insert of the same key) and H2's {@code MERGE} (which may
 * lose that race: see {@link RaceSafe}). Each returns the rows as they are after the statement.
 */
enum UpsertDialect {

    POSTGRESQL {
        @Override
        String addOne(int rows) {
            return "INSERT INTO VIGIL_POPULATION (REALM_ID, COUNTER, VALUE_KEY, N)"
                    + " SELECT R, C, V, 1 FROM (VALUES " + rows(rows, "(?, ?, ?)") + ") AS S (R, C, V) ORDER BY C, V"
                    + " ON CONFLICT (REALM_ID, COUNTER, VALUE_KEY) DO UPDATE SET N = VIGIL_POPULATION.N + 1"
                    + " RETURNING COUNTER, N";
        }

        @Override
        String touchDevice() {
            return "INSERT INTO VIGIL_DEVICE (ID, REALM_ID, USER_ID, DEVICE_KEY, LABEL, FIRST_SEEN, LAST_SEEN)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (REALM_ID, USER_ID, DEVICE_KEY) DO UPDATE SET"
                    + " LAST_SEEN = GREATEST(VIGIL_DEVICE.LAST_SEEN, EXCLUDED.LAST_SEEN),"
                    + " LABEL = COALESCE(EXCLUDED.LABEL, VIGIL_DEVICE.LABEL)"
                    + " RETURNING ID";
        }

        @Override
        String signedIn() {
            return "INSERT INTO VIGIL_LAST_SIGN_IN (REALM_ID, USER_ID, AT) VALUES (?, ?, ?)"
                    + " ON CONFLICT (REALM_ID, USER_ID) DO UPDATE SET AT = GREATEST(VIGIL_LAST_SIGN_IN.AT, EXCLUDED.AT)";
        }
    },

    H2 {
        @Override
        String addOne(int rows) {
            return "SELECT COUNTER, N FROM FINAL TABLE (MERGE INTO VIGIL_POPULATION P"
                    + " USING (SELECT * FROM (VALUES " + rows(rows, "(CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))")
                    + ") AS S (R, C, V) ORDER BY C, V) S"
                    + " ON P.REALM_ID = S.R AND P.COUNTER = S.C AND P.VALUE_KEY = S.V"
                    + " WHEN MATCHED THEN UPDATE SET N = P.N + 1"
                    + " WHEN NOT MATCHED THEN INSERT (REALM_ID, COUNTER, VALUE_KEY, N) VALUES (S.R, S.C, S.V, 1))";
        }

        @Override
        String touchDevice() {
            return "SELECT ID FROM FINAL TABLE (MERGE INTO VIGIL_DEVICE D USING (VALUES (CAST(? AS VARCHAR),"
                    + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                    + " CAST(? AS BIGINT), CAST(? AS BIGINT))) AS S (ID, R, U, K, L, F, T)"
                    + " ON D.REALM_ID = S.R AND D.USER_ID = S.U AND D.DEVICE_KEY = S.K"
                    + " WHEN MATCHED THEN UPDATE SET LAST_SEEN = GREATEST(D.LAST_SEEN, S.T), LABEL = COALESCE(S.L, D.LABEL)"
                    + " WHEN NOT MATCHED THEN INSERT (ID, REALM_ID, USER_ID, DEVICE_KEY, LABEL, FIRST_SEEN, LAST_SEEN)"
                    + " VALUES (S.ID, S.R, S.U, S.K, S.L, S.F, S.T))";
        }

        @Override
        String signedIn() {
            return "MERGE INTO VIGIL_LAST_SIGN_IN L USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                    + " CAST(? AS BIGINT))) AS S (R, U, T) ON L.REALM_ID = S.R AND L.USER_ID = S.U"
                    + " WHEN MATCHED THEN UPDATE SET AT = GREATEST(L.AT, S.T)"
                    + " WHEN NOT MATCHED THEN INSERT (REALM_ID, USER_ID, AT) VALUES (S.R, S.U, S.T)";
        }
    };

    /**
     * Adds one to each of {@code rows} counters given as (realm, counter, value) parameters, creating missing ones
     * at one; returns each row's COUNTER and its N after the statement. Rows are locked in one order (counter,
     * value) whatever order they are given in, so that two logins counting the same values cannot deadlock.
     */
    abstract String addOne(int rows);

    /**
     * The device row of (realm, user, device key) created with parameters (id, realm, user, key, label, first seen,
     * last seen) or, when it exists, its last-seen time and label updated; returns the row's ID.
     */
    abstract String touchDevice();

    /** The user's last sign-in time (realm, user, at) created or moved forward. */
    abstract String signedIn();

    static UpsertDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Vigil's privacy store runs on PostgreSQL or H2, not on " + product);
    }

    private static String rows(int count, String row) {
        return String.join(", ", Collections.nCopies(count, row));
    }
}
