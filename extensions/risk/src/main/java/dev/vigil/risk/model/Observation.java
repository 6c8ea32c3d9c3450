package dev.vigil.risk.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import dev.vigil.api.history.Feature;

/**
 * One login's feature values in stored form: the history's keyed hash for {@link Feature#pseudonymized()}
 * features, the coarse label otherwise, so that a live value compares equal to the stored ones.
 * <p>
 * An absent feature means unknown or not collected (no GeoIP database, a realm that does not collect it);
 * the model then leaves that level out. A value the client could send but withheld (no fingerprint from a
 * browser without JavaScript) should be given as a value of its own, e.g. {@code "none"}, so that withholding
 * it is compared like any other value instead of escaping the comparison.
 *
 * @param values feature values; null values are not allowed
 */
public record Observation(Map<Feature, String> values) {

    public Observation {
        EnumMap<Feature, String> copy = new EnumMap<>(Feature.class);
        values.forEach((feature, value) -> copy.put(feature, requireValue(feature, value)));
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of a feature, or null when it is unknown. */
    public String value(Feature feature) {
        return values.get(feature);
    }

    private static String requireValue(Feature feature, String value) {
        if (value == null) {
            throw new IllegalArgumentException("no value for " + feature + ": leave an unknown feature out instead");
        }
        return value;
    }
}
