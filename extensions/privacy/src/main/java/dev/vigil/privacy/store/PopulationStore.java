package dev.vigil.privacy.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

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
        for (PopulationCountEntity row : rows(realmId, wanted)) {
            if (row.counter.equals(SIGN_INS)) {
                signIns = row.count;
            } else if (row.counter.equals(USERS)) {
                users = row.count;
            } else if (row.counter.startsWith(DISTINCT)) {
                distinct.put(Feature.valueOf(row.counter.substring(DISTINCT.length())), row.count);
            } else {
                matching.put(Feature.valueOf(row.counter), row.count);
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
        for (PopulationCountEntity row : rows(realmId, wanted)) {
            if (row.counter.equals(SIGN_INS)) {
                signIns = row.count;
            } else if (row.counter.equals(USERS)) {
                users = row.count;
            } else {
                distinct.put(Feature.valueOf(row.counter.substring(DISTINCT.length())), row.count);
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
            rows(realmId, wanted).forEach(row -> counts.put(row.valueKey, row.count));
        }
        return counts;
    }

    /** How many of the user's sign-ins the realm's counters hold (their own row; 0 when they have none). */
    public long signInsCountedOf(String realmId, String userId) {
        return rows(realmId, List.of(new Counter(USER, userId))).stream().mapToLong(row -> row.count).sum();
    }

    /**
     * The rows of exactly these (counter, value) pairs, each one primary-key probe. The text depends only on how many
     * pairs are asked, so Hibernate's query plan cache holds a handful of them.
     */
    private List<PopulationCountEntity> rows(String realmId, List<Counter> wanted) {
        StringBuilder jpql = new StringBuilder("select p from PopulationCountEntity p where p.realmId = :realmId and (");
        for (int i = 0; i < wanted.size(); i++) {
            jpql.append(i == 0 ? "" : " or ").append("(p.counter = :c").append(i).append(" and p.valueKey = :v").append(i).append(')');
        }
        TypedQuery<PopulationCountEntity> query = em.createQuery(jpql.append(')').toString(), PopulationCountEntity.class)
                .setParameter("realmId", realmId)
                .setHint(ReadOnlyRows.HINT, true); // counted by upserts, never through these entities
        for (int i = 0; i < wanted.size(); i++) {
            query.setParameter("c" + i, wanted.get(i).counter()).setParameter("v" + i, wanted.get(i).valueKey());
        }
        return query.getResultList();
    }

    /** One counter's key within a realm. */
    private record Counter(String counter, String valueKey) {
    }
}
