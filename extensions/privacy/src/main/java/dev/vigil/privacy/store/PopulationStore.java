package dev.vigil.privacy.store;

import java.util.ArrayList;
import java.util.EnumMap;
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

    static final String SIGN_INS = "#sign-ins";
    static final String USERS = "#users";
    static final String DISTINCT = "#distinct:";
    static final String TOTAL = "-";

    private final EntityManager em;

    public PopulationStore(EntityManager em) {
        this.em = em;
    }

    public PopulationCounts read(String realmId, Map<Feature, String> kept) {
        List<String> counters = new ArrayList<>(List.of(SIGN_INS, USERS));
        List<String> valueKeys = new ArrayList<>(List.of(TOTAL));
        kept.forEach((feature, value) -> {
            counters.add(feature.name());
            counters.add(DISTINCT + feature.name());
            valueKeys.add(value);
        });
        long signIns = 0;
        long users = 0;
        Map<Feature, Long> distinct = new EnumMap<>(Feature.class);
        Map<Feature, Long> matching = new EnumMap<>(Feature.class);
        for (PopulationCountEntity row : em.createNamedQuery(PopulationCountEntity.FIND, PopulationCountEntity.class)
                .setParameter("realmId", realmId).setParameter("counters", counters).setParameter("valueKeys", valueKeys)
                .getResultList()) {
            if (row.counter.equals(SIGN_INS)) {
                signIns = row.count;
            } else if (row.counter.equals(USERS)) {
                users = row.count;
            } else if (row.counter.startsWith(DISTINCT)) {
                distinct.put(Feature.valueOf(row.counter.substring(DISTINCT.length())), row.count);
            } else {
                Feature feature = Feature.valueOf(row.counter);
                // The IN clauses cross features and values: keep only each feature's own value.
                if (row.valueKey.equals(kept.get(feature))) {
                    matching.put(feature, row.count);
                }
            }
        }
        return new PopulationCounts(signIns, users, distinct, matching);
    }
}
