package dev.vigil.bench.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small SQL reads of the seeded database. */
final class SeedQueries {

    private SeedQueries() {
    }

    static String realmId(Connection db, String realm) throws SQLException {
        List<List<String>> rows = rows(db, "select id from realm where name = ?", realm);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no realm " + realm);
        }
        return rows.get(0).get(0);
    }

    /** Every row of the query, each as its columns' text. */
    static List<List<String>> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(rows.getString(column));
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }

    static long number(Connection db, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(rows(db, sql, parameters).get(0).get(0));
    }
}
