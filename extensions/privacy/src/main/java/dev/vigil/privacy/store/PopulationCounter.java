package dev.vigil.privacy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;

/**
 * Counts one recorded sign-in into the realm's population counters (read by {@link PopulationStore}) in one
 * statement: every kept value, the user's own row and the realm's total are incremented together, a row seen for the
 * first time is created at one; only when that happens, a second statement adds one to the feature's count of
 * distinct values, or, for the user's row, to the realm's users. A counter is new exactly when the statement leaves it
 * at one (counters only grow), which the database decides under the row's lock, so concurrent logins add exactly
 * their number to every counter, and a user's first logins made at the same moment count one user.
 */
public final class PopulationCounter {

    private PopulationCounter() {
    }

    /** Counts one sign-in of the user with its kept values. */
    public static void count(Connection connection, String realmId, String userId, Map<Feature, String> kept)
            throws SQLException {
        List<String[]> counters = new ArrayList<>();
        counters.add(new String[] {PopulationStore.SIGN_INS, PopulationStore.TOTAL});
        counters.add(new String[] {PopulationStore.USER, userId});
        kept.forEach((feature, value) -> counters.add(new String[] {feature.name(), value}));
        List<String[]> newOnes = new ArrayList<>();
        for (String created : RaceSafe.run(connection, (db, dialect) -> addOne(db, dialect, realmId, counters))) {
            newOnes.add(new String[] {created.equals(PopulationStore.USER) ? PopulationStore.USERS
                    : PopulationStore.DISTINCT + created, PopulationStore.TOTAL});
        }
        if (!newOnes.isEmpty()) {
            RaceSafe.run(connection, (db, dialect) -> addOne(db, dialect, realmId, newOnes));
        }
    }

    /** Adds one to each counter; returns the features (and the user's row) whose counter this statement created. */
    private static List<String> addOne(Connection db, UpsertDialect dialect, String realmId, List<String[]> counters)
            throws SQLException {
        List<String> created = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(dialect.addOne(counters.size()))) {
            int parameter = 1;
            for (String[] counter : counters) {
                statement.setString(parameter++, realmId);
                statement.setString(parameter++, counter[0]);
                statement.setString(parameter++, counter[1]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String counter = rows.getString(1);
                    if (rows.getLong(2) == 1 && (!counter.startsWith("#") || counter.equals(PopulationStore.USER))) {
                        created.add(counter);
                    }
                }
            }
        }
        return created;
    }
}
