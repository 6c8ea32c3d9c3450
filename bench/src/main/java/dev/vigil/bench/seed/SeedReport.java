package dev.vigil.bench.seed;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.vigil.api.history.Feature;

/**
 * What the seeded database holds after a run: rows and size per table (PostgreSQL's
 * {@code pg_total_relation_size}: table, indexes and TOAST) and per 1,000 users, how many sign-ins each user
 * holds, and the plans of the queries a login runs (EXPLAIN ANALYZE, in the large realm, for a measured user).
 */
final class SeedReport {

    static final List<String> VIGIL_TABLES = List.of("vigil_sign_in", "vigil_device", "vigil_population",
            "vigil_consent", "vigil_last_sign_in", "vigil_realm_key", "vigil_restriction");
    static final List<String> KEYCLOAK_USER_TABLES = List.of("user_entity", "credential", "user_role_mapping",
            "user_attribute", "user_required_action", "user_group_membership");

    private final Connection db;
    private final PrintStream out;

    SeedReport(Connection db, PrintStream out) {
        this.db = db;
        this.out = out;
    }

    void print(String smallRealm, String largeRealm, String measuredUsername, int seededSignIns, SeedTerms terms)
            throws SQLException {
        String small = SeedQueries.realmId(db, smallRealm);
        String large = SeedQueries.realmId(db, largeRealm);
        long users = SeedQueries.number(db, "select count(*) from user_entity where realm_id in (?, ?)", small, large);
        out.println();
        out.printf(Locale.ROOT, "Seeded database: %,d users in %s and %s%n", users, smallRealm, largeRealm);
        out.println("table                     rows      size (MB)   per 1,000 users (MB)");
        double vigil = sizes(VIGIL_TABLES, users);
        double keycloak = sizes(KEYCLOAK_USER_TABLES, users);
        out.printf(Locale.ROOT, "Vigil's tables: %.1f MB per 1,000 users; Keycloak's user tables: %.1f MB per 1,000 users%n",
                vigil * 1000 / users, keycloak * 1000 / users);
        signInsPerUser(large, largeRealm, seededSignIns);
        plans(large, measuredUsername, terms);
    }

    private double sizes(List<String> tables, long users) throws SQLException {
        double total = 0;
        for (String table : tables) {
            List<List<String>> found = SeedQueries.rows(db, "select (select count(*) from " + table + "),"
                    + " pg_total_relation_size(?)", table);
            double megabytes = Long.parseLong(found.get(0).get(1)) / 1e6;
            total += megabytes;
            out.printf(Locale.ROOT, "%-22s %10s  %10.1f  %10.2f%n", table, found.get(0).get(0), megabytes,
                    megabytes * 1000 / users);
        }
        return total;
    }

    private void signInsPerUser(String realmId, String realm, int seeded) throws SQLException {
        List<String> seededUsers = SeedQueries.rows(db, "select min(n), max(n) from (select count(*) n from vigil_sign_in s"
                + " join user_entity u on u.id = s.user_id where s.realm_id = ? and u.username like ? group by s.user_id) c",
                realmId, KeycloakUsers.SEEDED_PREFIX + "%").get(0);
        List<String> measured = SeedQueries.rows(db, "select min(n), max(n) from (select count(*) n from vigil_sign_in s"
                + " join user_entity u on u.id = s.user_id where s.realm_id = ? and u.username not like ? group by s.user_id) c",
                realmId, KeycloakUsers.SEEDED_PREFIX + "%").get(0);
        out.printf(Locale.ROOT, "Sign-ins per user in %s: seeded users %s to %s; measured users %s to %s (seeded with"
                        + " %d, plus every login of this and earlier runs that a cap at write did not remove)%n", realm,
                seededUsers.get(0), seededUsers.get(1), measured.get(0), measured.get(1), seeded);
    }

    private void plans(String realmId, String measuredUsername, SeedTerms terms) throws SQLException {
        String userId = SeedQueries.rows(db, "select id from user_entity where realm_id = ? and username = ?",
                realmId, measuredUsername).get(0).get(0);
        List<String> latest = SeedQueries.rows(db, "select device_id, ip_hash, network_hash, asn, country, city_hash,"
                + " user_agent_hash, browser, os, device_type, fingerprint_hash, language, time_zone from vigil_sign_in"
                + " where realm_id = ? and user_id = ? order by at desc limit 1", realmId, userId).get(0);
        String deviceKey = SeedQueries.rows(db, "select device_key from vigil_device where id = ?", latest.get(0)).get(0).get(0);
        // The (counter, value) pairs a login asks for, as the store's one statement names them.
        List<String> pairs = new ArrayList<>(List.of(PopulationTally.SIGN_INS, PopulationTally.TOTAL,
                PopulationTally.USERS, PopulationTally.TOTAL));
        Feature[] features = Feature.values();
        for (int i = 0; i < features.length; i++) {
            String value = latest.get(i + 1);
            if (value != null) {
                pairs.addAll(List.of(features[i].name(), value, PopulationTally.DISTINCT + features[i].name(), PopulationTally.TOTAL));
            }
        }
        long now = System.currentTimeMillis();
        out.println();
        out.println("Plans of the queries of a login and of retention, in the large realm (EXPLAIN ANALYZE):");
        plan("history (the risk step)", "select * from vigil_sign_in where realm_id = ? and user_id = ? order by at desc"
                + " limit 100", realmId, userId);
        plan("population counts (the risk step), " + pairs.size() / 2 + " (counter, value) pairs",
                "select counter, value_key, n from vigil_population where realm_id = ? and ("
                        + String.join(" or ", Collections.nCopies(pairs.size() / 2, "(counter = ? and value_key = ?)")) + ")",
                concat(List.of(realmId), pairs));
        plan("device by key (recording)", "select * from vigil_device where realm_id = ? and user_id = ? and device_key = ?",
                realmId, userId, deviceKey);
        plan("consent (the consent step)", "select count(*) from vigil_consent where realm_id = ? and user_id = ?"
                + " and terms_version = ? and withdrawn_at is null", realmId, userId, terms.version());
        plan("sign-ins past retention (hourly)", "select id from vigil_sign_in where realm_id = ? and at < ? order by at"
                + " limit 1000", realmId, now - 180L * 24 * 3600 * 1000);
        plan("devices past retention (hourly)", "select id from vigil_device where realm_id = ? and last_seen < ?"
                + " order by last_seen limit 1000", realmId, now - 180L * 24 * 3600 * 1000);
    }

    private void plan(String what, String sql, Object... parameters) throws SQLException {
        out.println("- " + what + ": " + sql.replaceAll("( or \\(counter = \\? and value_key = \\?\\))+", " or ..."));
        try (PreparedStatement statement = db.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String line = rows.getString(1);
                    if (line.contains("Scan") || line.contains("Execution Time") || line.contains("Buffers: shared")
                            && !line.startsWith("  ")) {
                        out.println("    " + line.strip());
                    }
                }
            }
        }
    }

    private static Object[] concat(List<String> first, List<String> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray();
    }
}
