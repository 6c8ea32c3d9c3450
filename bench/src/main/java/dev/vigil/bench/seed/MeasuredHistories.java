package dev.vigil.bench.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import dev.vigil.api.history.Feature;

/**
 * The measured users' histories: synthetic ones from elsewhere would make their benchmark logins look like
 * account takeovers. Instead their first login in each realm, which the server records through the privacy store
 * from their own browser, is copied back in time (a day apart, at every hour of the day, so the hour tells nothing)
 * until they hold as many sign-ins as the seeded users, and the realm's counters count the copies.
 */
final class MeasuredHistories {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final Connection db;

    MeasuredHistories(Connection db) {
        this.db = db;
    }

    /** Tops up each of these users (usernames) of the realm to {@code signIns} sign-ins; returns how many were added. */
    int topUp(String realmId, List<String> usernames, int signIns) throws SQLException {
        List<String> columns = SeedQueries.rows(db, "select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = 'vigil_sign_in' order by ordinal_position")
                .stream().map(row -> row.get(0)).toList();
        String copies = "insert into vigil_sign_in (" + String.join(", ", columns) + ") select "
                + columns.stream().map(column -> switch (column) {
                    case "id" -> "gen_random_uuid()::text";
                    case "at" -> "s.at - k::bigint * " + DAY + " - (k % 24)::bigint * " + HOUR;
                    default -> "s." + column;
                }).collect(Collectors.joining(", "))
                + " from vigil_sign_in s cross join generate_series(1, ?) k where s.id = ?";
        int added = 0;
        for (String username : usernames) {
            String userId = SeedQueries.rows(db, "select id from user_entity where realm_id = ? and username = ?",
                    realmId, username).get(0).get(0);
            // Every read by (realm, user): the store's index; a table scan would take seconds at 10 million rows.
            List<List<String>> latest = SeedQueries.rows(db, "select id, (select count(*) from vigil_sign_in"
                    + " where realm_id = ? and user_id = ?) from vigil_sign_in where realm_id = ? and user_id = ?"
                    + " order by at desc limit 1", realmId, userId, realmId, userId);
            if (latest.isEmpty()) {
                throw new IllegalStateException(username + " has no sign-in recorded in realm " + realmId
                        + ": their first login was not kept");
            }
            int missing = signIns - Integer.parseInt(latest.get(0).get(1));
            if (missing <= 0) {
                continue;
            }
            String signInId = latest.get(0).get(0);
            update(copies, missing, signInId);
            update("update vigil_device d set first_seen = (select min(at) from vigil_sign_in s where s.realm_id = ?"
                    + " and s.user_id = ? and s.device_id = d.id) where d.id = (select device_id from vigil_sign_in where id = ?)",
                    realmId, userId, signInId);
            count(realmId, userId, signInId, missing);
            added += missing;
        }
        return added;
    }

    /** Counts the copies as the store counts sign-ins: the realm's total, the user's row and each kept value's counter. */
    private void count(String realmId, String userId, String signInId, int copies) throws SQLException {
        update("update vigil_population set n = n + ? where realm_id = ? and counter = ? and value_key = ?",
                copies, realmId, PopulationTally.SIGN_INS, PopulationTally.TOTAL);
        update("update vigil_population set n = n + ? where realm_id = ? and counter = ? and value_key = ?",
                copies, realmId, PopulationTally.USER, userId);
        for (int i = 0; i < SignInTable.FEATURES.size(); i++) {
            Feature feature = SignInTable.FEATURES.get(i);
            update("update vigil_population p set n = n + ? from vigil_sign_in s where s.id = ? and p.realm_id = ?"
                    + " and p.counter = ? and p.value_key = s." + SignInTable.FEATURE_COLUMNS.get(i),
                    copies, signInId, realmId, feature.name());
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
