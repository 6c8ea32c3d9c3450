package dev.vigil.bench.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak users by the thousand in SQL: copies of one user the admin API created (same password hash, role
 * mappings and whatever else Keycloak keeps per user), each with its own id, username and e-mail. The tables and
 * their columns are read from the schema, so a Keycloak upgrade that adds a column is copied along.
 */
final class KeycloakUsers {

    static final String SEEDED_PREFIX = "seed-";
    /** Keycloak's tables with one or more rows per user besides USER_ENTITY. */
    static final List<String> PER_USER_TABLES = List.of("credential", "user_role_mapping", "user_attribute",
            "user_required_action", "user_group_membership");

    private final Connection db;

    KeycloakUsers(Connection db) {
        this.db = db;
    }

    /** Adds {@code count} copies of {@code template} (a username) to the realm. */
    void copy(String realmId, String template, int count) throws SQLException {
        String templateId = single("select id from user_entity where realm_id = ? and username = ?", realmId, template);
        List<String> columns = columns("user_entity");
        Map<String, String> overrides = Map.of(
                "id", "gen_random_uuid()::text",
                "username", "'" + SEEDED_PREFIX + "' || lpad(i::text, 6, '0')",
                "email", "'" + SEEDED_PREFIX + "' || i || '@bench.example'",
                "email_constraint", "'" + SEEDED_PREFIX + "' || i || '@bench.example'",
                "last_name", "'" + SEEDED_PREFIX + "' || i");
        update("insert into user_entity (" + String.join(", ", columns) + ") select "
                + columns.stream().map(column -> overrides.getOrDefault(column, "t." + column)).collect(Collectors.joining(", "))
                + " from user_entity t cross join generate_series(1, ?) i where t.id = ?", count, templateId);
        for (String table : PER_USER_TABLES) {
            List<String> tableColumns = columns(table);
            update("insert into " + table + " (" + String.join(", ", tableColumns) + ") select "
                    + tableColumns.stream().map(column -> switch (column) {
                        case "id" -> "gen_random_uuid()::text";
                        case "user_id" -> "u.id";
                        default -> "t." + column;
                    }).collect(Collectors.joining(", "))
                    + " from " + table + " t cross join user_entity u where t.user_id = ? and u.realm_id = ?"
                    + " and u.username like '" + SEEDED_PREFIX + "%'", templateId, realmId);
        }
    }

    /** Every user of the realm, by username: the measured users first (they sort before the seeded ones). */
    List<String> ids(String realmId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select id from user_entity where realm_id = ? and service_account_client_link is null order by username")) {
            statement.setString(1, realmId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table + " in Keycloak's schema");
        }
        return columns;
    }

    private String single(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("nothing for " + sql + " " + List.of(parameters));
            }
            return rows.getString(1);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
