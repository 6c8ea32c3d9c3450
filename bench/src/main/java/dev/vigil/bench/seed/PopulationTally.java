package dev.vigil.bench.seed;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.privacy.store.PopulationStore;

/**
 * The realm-wide counters of VIGIL_POPULATION as the privacy store keeps them (see its {@code PopulationStore}):
 * one per (feature, kept value), how many values each feature has, how many sign-ins and how many users with one
 * (each user's own row counting their sign-ins).
 * Seeded rows counted here give the counters the store would hold had they been recorded one login at a time.
 */
final class PopulationTally {

    /** The store's names for its totals (the value key of a total is {@link #TOTAL}). */
    static final String SIGN_INS = PopulationStore.SIGN_INS;
    static final String USERS = PopulationStore.USERS;
    static final String USER = PopulationStore.USER;
    static final String DISTINCT = PopulationStore.DISTINCT;
    static final String TOTAL = PopulationStore.TOTAL;

    private final Map<Feature, Map<String, Long>> perValue = new EnumMap<>(Feature.class);
    private final Map<String, Long> signInsPerUser = new HashMap<>();
    private long signIns;

    /** Counts one user with their number of sign-ins; {@link #signIn} counts each sign-in's values. */
    void user(String userId, long signInsOfUser) {
        signInsPerUser.put(userId, signInsOfUser);
    }

    void signIn(Map<Feature, String> kept) {
        signIns++;
        kept.forEach((feature, value) -> perValue.computeIfAbsent(feature, any -> new HashMap<>()).merge(value, 1L, Long::sum));
    }

    /** Adds another tally's counts (of other users) to this one. */
    void add(PopulationTally other) {
        signIns += other.signIns;
        signInsPerUser.putAll(other.signInsPerUser);
        other.perValue.forEach((feature, counts) -> {
            Map<String, Long> mine = perValue.computeIfAbsent(feature, any -> new HashMap<>());
            counts.forEach((value, count) -> mine.merge(value, count, Long::sum));
        });
    }

    /** Every counter as (counter, value key, count), the form of the store's rows. */
    void forEachCounter(CounterSink sink) {
        sink.accept(SIGN_INS, TOTAL, signIns);
        sink.accept(USERS, TOTAL, signInsPerUser.size());
        signInsPerUser.forEach((userId, count) -> sink.accept(USER, userId, count));
        perValue.forEach((feature, counts) -> {
            sink.accept(DISTINCT + feature.name(), TOTAL, counts.size());
            counts.forEach((value, count) -> sink.accept(feature.name(), value, count));
        });
    }

    /** Receives one counter. */
    interface CounterSink {
        void accept(String counter, String valueKey, long count);
    }
}
