package dev.vigil.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Looks at Vigil's rows in the server's own database: every table named VIGIL_* with a USER_ID column,
 * so that a table added later is checked without changing the tests. Names are given and returned in upper
 * case whatever the database: H2 keeps unquoted names in upper case, PostgreSQL folds them to lower case.
 */
public final class VigilTables {

    private final VigilNode server;

    public VigilTables(VigilNode server) {
        this.server = server;
    }

    /** Row count per Vigil table for one user; a user Vigil knows nothing about maps every table to 0. */
    public Map<String, Integer> rowsAbout(String userId) throws SQLException {
        return rowsWhere("USER_ID", userId);
    }

    /** Row count per Vigil table with a REALM_ID column for one realm. */
    public Map<String, Integer> rowsInRealm(String realmId) throws SQLException {
        return rowsWhere("REALM_ID", realmId);
    }

    private Map<String, Integer> rowsWhere(String column, String value) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection db = server.openDatabase()) {
            for (String table : tablesWith(db, column)) {
                try (PreparedStatement count = db.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
                    count.setString(1, value);
                    try (ResultSet result = count.executeQuery()) {
                        result.next();
                        counts.put(table.toUpperCase(Locale.ROOT), result.getInt(1));
                    }
                }
            }
        }
        if (counts.isEmpty()) {
            throw new AssertionError("no VIGIL_* table with a " + column + " column: is the privacy store installed?");
        }
        return counts;
    }

    public int totalRowsAbout(String userId) throws SQLException {
        return rowsAbout(userId).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rows of a query as column-name maps, for asserting what exactly was stored. */
    public List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection db = server.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnName(column).toUpperCase(Locale.ROOT), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * Inserts a device and one sign-in from it, shaped as the risk extension records them (hashes, coarse
     * labels), for tests of what the privacy extension does with history; returns the device id.
     */
    public String insertDeviceWithSignIn(String realmId, String userId, long at) throws SQLException {
        String deviceId = UUID.randomUUID().toString();
        update("insert into VIGIL_DEVICE (ID, REALM_ID, USER_ID, DEVICE_KEY, LABEL, FIRST_SEEN, LAST_SEEN)"
                + " values (?, ?, ?, ?, ?, ?, ?)", deviceId, realmId, userId, "dk-" + deviceId, "Firefox on Linux (desktop)", at, at);
        insertSignIn(realmId, userId, deviceId, at);
        return deviceId;
    }

    public String insertSignIn(String realmId, String userId, String deviceId, long at) throws SQLException {
        String id = UUID.randomUUID().toString();
        update("insert into VIGIL_SIGN_IN (ID, REALM_ID, USER_ID, DEVICE_ID, AT, IP_HASH, COUNTRY, BROWSER, PLACE_LABEL,"
                + " DEVICE_LABEL, RISK_LEVEL, RISK_SCORE, REASONS, OUTCOME) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, realmId, userId, deviceId, at, "hash-" + id, "GB", "Firefox 128", "near London, GB",
                "Firefox on Linux (desktop)", "LOW", 0.25, "known device", "ALLOWED");
        return id;
    }

    public void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = server.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Every text cell of every VIGIL_* table that contains {@code needle}, as "TABLE.COLUMN: value". */
    public List<String> textCellsContaining(String needle) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection db = server.openDatabase()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet result = db.getMetaData().getColumns(null, null, asStored(db, "VIGIL\\_%"), null)) {
                while (result.next()) {
                    if (result.getInt("DATA_TYPE") == Types.VARCHAR) {
                        columns.add(new String[] {result.getString("TABLE_NAME"), result.getString("COLUMN_NAME")});
                    }
                }
            }
            for (String[] column : columns) {
                String sql = "select " + column[1] + " from " + column[0] + " where " + column[1] + " like ?";
                try (PreparedStatement query = db.prepareStatement(sql)) {
                    query.setString(1, "%" + needle + "%");
                    try (ResultSet result = query.executeQuery()) {
                        while (result.next()) {
                            hits.add((column[0] + "." + column[1]).toUpperCase(Locale.ROOT) + ": " + result.getString(1));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** The columns of a table, in upper case. */
    public static List<String> columns(Connection db, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet columns = db.getMetaData().getColumns(null, null, asStored(db, table), null)) {
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** A name or name pattern as the database's metadata spells unquoted names. */
    private static String asStored(Connection db, String name) throws SQLException {
        return db.getMetaData().storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static List<String> tablesWith(Connection db, String column) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet columns = db.getMetaData().getColumns(null, null, asStored(db, "VIGIL\\_%"), asStored(db, column))) {
            while (columns.next()) {
                tables.add(columns.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
