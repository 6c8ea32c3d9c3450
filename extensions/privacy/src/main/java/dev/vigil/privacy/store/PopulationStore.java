package dev.vigil.privacy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;

/**
 * The realm-wide counters behind {@link PopulationCounts}: one row per (feature, kept value) plus the realm's
 * totals, counted by {@link PopulationCounter} as sign-ins are recorded and read in one query, so their cost does not
 * grow with the realm.
 */
public class PopulationStore {

    /**
     * The counters' names for the realm's totals (their value key is {@link #TOTAL}), as stored: tools that seed or
     * inspect VIGIL_POPULATION use these.
     */
    public static final String SIGN_INS = "#sign-ins";
    public static final String USERS = "#users";
    /**
     * One row per user with a counted sign-in (value key: the user's id, as the history keys it; removed with the
     * user's history): created at one by the user's first, which is then, and only then, counted into {@link #USERS}.
     */
    public static final String USER = "#user";
    public static final String DISTINCT = "#distinct:";
    public static final String TOTAL = "-";
    /** Values asked for in one query at most: IN lists stay well under every database's limit. */
    private static final int VALUES_PER_QUERY = 500;

    private final EntityManager em;

    public PopulationStore(EntityManager em) {
        this.em = em;
    }

    /**
     * The realm's totals and, for each kept value, its own count and its feature's number of distinct values, in one
     * statement that asks for exactly these (counter, value) pairs: every lookup is one primary-key probe, however
     * many values the realm has seen.
     */
    public PopulationCounts read(String realmId, Map<Feature, String> kept) {
        List<Counter> wanted = new ArrayList<>(List.of(new Counter(SIGN_INS, TOTAL), new Counter(USERS, TOTAL)));
        kept.forEach((feature, value) -> {
            wanted.add(new Counter(feature.name(), value));
            wanted.add(new Counter(DISTINCT + feature.name(), TOTAL));
        });
        long signIns = 0;
        long users = 0;
        Map<Feature, Long> distinct = new EnumMap<>(Feature.class);
        Map<Feature, Long> matching = new EnumMap<>(Feature.class);
        for (CounterRow row : rows(realmId, wanted)) {
            if (row.counter().equals(SIGN_INS)) {
                signIns = row.count();
            } else if (row.counter().equals(USERS)) {
                users = row.count();
            } else if (row.counter().startsWith(DISTINCT)) {
                distinct.put(Feature.valueOf(row.counter().substring(DISTINCT.length())), row.count());
            } else {
                matching.put(Feature.valueOf(row.counter()), row.count());
            }
        }
        return new PopulationCounts(signIns, users, distinct, matching);
    }

    /** The realm's totals: sign-ins, users and every feature's distinct values, with no per-value count. */
    public PopulationCounts totals(String realmId) {
        List<Counter> wanted = new ArrayList<>(List.of(new Counter(SIGN_INS, TOTAL), new Counter(USERS, TOTAL)));
        for (Feature feature : Feature.values()) {
            wanted.add(new Counter(DISTINCT + feature.name(), TOTAL));
        }
        long signIns = 0;
        long users = 0;
        Map<Feature, Long> distinct = new EnumMap<>(Feature.class);
        for (CounterRow row : rows(realmId, wanted)) {
            if (row.counter().equals(SIGN_INS)) {
                signIns = row.count();
            } else if (row.counter().equals(USERS)) {
                users = row.count();
            } else {
                distinct.put(Feature.valueOf(row.counter().substring(DISTINCT.length())), row.count());
            }
        }
        return new PopulationCounts(signIns, users, distinct, Map.of());
    }

    /** How many recorded sign-ins had each of these kept values of one feature, read in bounded pages. */
    public Map<String, Long> counts(String realmId, Feature feature, Collection<String> kept) {
        List<String> values = List.copyOf(kept);
        Map<String, Long> counts = new HashMap<>();
        for (int from = 0; from < values.size(); from += VALUES_PER_QUERY) {
            List<String> page = values.subList(from, Math.min(values.size(), from + VALUES_PER_QUERY));
            List<Counter> wanted = page.stream().map(value -> new Counter(feature.name(), value)).toList();
            rows(realmId, wanted).forEach(row -> counts.put(row.valueKey(), row.count()));
        }
        return counts;
    }

    /** How many of the user's sign-ins the realm's counters hold (their own row; 0 when they have none). */
    public long signInsCountedOf(String realmId, String userId) {
        return rows(realmId, List.of(new Counter(USER, userId))).stream().mapToLong(CounterRow::count).sum();
    }

    /**
     * The counts of exactly these (counter, value) pairs, each one primary-key probe, in one statement on the
     * transaction's connection: every login reads them, and counters are only ever written by upserts, never as
     * entities. The text depends only on how many pairs are asked, so the driver's statement cache holds a handful.
     */
    private List<CounterRow> rows(String realmId, List<Counter> wanted) {
        StringBuilder sql = new StringBuilder("SELECT COUNTER, VALUE_KEY, N FROM VIGIL_POPULATION WHERE REALM_ID = ? AND (");
        for (int i = 0; i < wanted.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(COUNTER = ? AND VALUE_KEY = ?)");
        }
        return em.callWithConnection((Connection db) -> {
            try (PreparedStatement query = db.prepareStatement(sql.append(')').toString())) {
                int parameter = 1;
                query.setString(parameter++, realmId);
                for (Counter counter : wanted) {
                    query.setString(parameter++, counter.counter());
                    query.setString(parameter++, counter.valueKey());
                }
                List<CounterRow> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new CounterRow(result.getString(1), result.getString(2), result.getLong(3)));
                    }
                }
                return rows;
            }
        });
    }

    /** One counter's value as read. */
    private record CounterRow(String counter, String valueKey, long count) {
    }

    /** One counter's key within a realm. */
    private record Counter(String counter, String valueKey) {
    }
}
