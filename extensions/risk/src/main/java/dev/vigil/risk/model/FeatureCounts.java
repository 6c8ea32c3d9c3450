package dev.vigil.risk.model;

import java.util.HashMap;
import java.util.Map;

import dev.vigil.api.history.Feature;

/** How often each feature value occurred, for the in-memory history and population. */
final class FeatureCounts {

    private static final Feature[] FEATURES = Feature.values();

    /** Per feature (by ordinal): value to its count, a one-element array so that counting allocates nothing. */
    @SuppressWarnings("unchecked")
    private final Map<String, long[]>[] counts = new Map[FEATURES.length];
    private final long[] known = new long[FEATURES.length];

    void add(Observation observation) {
        add(observation.values());
    }

    void add(Map<Feature, String> values) {
        values.forEach((feature, value) -> {
            int index = feature.ordinal();
            if (counts[index] == null) {
                counts[index] = new HashMap<>();
            }
            counts[index].computeIfAbsent(value, v -> new long[1])[0]++;
            known[index]++;
        });
    }

    /** Observations with a value for the feature. */
    long known(Feature feature) {
        return known[feature.ordinal()];
    }

    long count(Feature feature, String value) {
        Map<String, long[]> values = counts[feature.ordinal()];
        if (values == null) {
            return 0;
        }
        long[] count = values.get(value);
        return count == null ? 0 : count[0];
    }

    long distinctValues(Feature feature) {
        Map<String, long[]> values = counts[feature.ordinal()];
        return values == null ? 0 : values.size();
    }
}
