package dev.vigil.risk.model;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import dev.vigil.api.history.Feature;

/** How often each feature value occurred, for the in-memory history and population. */
final class FeatureCounts {

    private final Map<Feature, Map<String, Long>> counts = new EnumMap<>(Feature.class);
    private final Map<Feature, Long> known = new EnumMap<>(Feature.class);

    void add(Observation observation) {
        observation.values().forEach((feature, value) -> {
            counts.computeIfAbsent(feature, f -> new HashMap<>()).merge(value, 1L, Long::sum);
            known.merge(feature, 1L, Long::sum);
        });
    }

    /** Observations with a value for the feature. */
    long known(Feature feature) {
        return known.getOrDefault(feature, 0L);
    }

    long count(Feature feature, String value) {
        Map<String, Long> values = counts.get(feature);
        if (values == null) {
            return 0;
        }
        Long count = values.get(value);
        return count == null ? 0 : count;
    }

    long distinctValues(Feature feature) {
        Map<String, Long> values = counts.get(feature);
        return values == null ? 0 : values.size();
    }
}
