package dev.vigil.risk.model;

import java.util.List;

import dev.vigil.api.history.Feature;

/**
 * One signal of the model: features ordered from the most specific to the most general (IP, network, ASN,
 * country), each level with its weight; a single feature is a hierarchy of one level.
 *
 * @param signal       the signal's name in contributions and settings, e.g. {@code network}
 * @param weight       the exponent of the signal's factor: 0 switches the signal off, 1 counts it fully
 * @param levels       the levels, most specific first; a level of weight 0 is off
 * @param absentFactor the factor (before the weight) of a login without the signal from a user who never had
 *                     it, e.g. who did not consent to the fingerprint: a typical known value's factor keeps such
 *                     users' scores on the same scale as everyone's, so thresholds mean the same for them
 */
public record FeatureHierarchy(String signal, double weight, List<Level> levels, double absentFactor) {

    public FeatureHierarchy {
        if (signal == null || signal.isBlank()) {
            throw new IllegalArgumentException("a feature hierarchy needs a signal name");
        }
        requireWeight(signal, weight);
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("signal " + signal + " has no level");
        }
        levels.forEach(level -> requireWeight(level.feature().name(), level.weight()));
        if (!(absentFactor > 0) || Double.isInfinite(absentFactor)) {
            throw new IllegalArgumentException("absent factor of " + signal + " must be a finite number > 0, not "
                    + absentFactor);
        }
    }

    /** A signal whose absence is neutral. */
    public FeatureHierarchy(String signal, double weight, List<Level> levels) {
        this(signal, weight, levels, 1);
    }

    /** A signal of one feature, whose absence is neutral. */
    public static FeatureHierarchy single(String signal, double weight, Feature feature) {
        return new FeatureHierarchy(signal, weight, List.of(new Level(feature, 1)));
    }

    /** Whether the signal counts at all. */
    public boolean on() {
        return weight > 0 && levels.stream().anyMatch(level -> level.weight() > 0);
    }

    FeatureHierarchy withWeight(double newWeight) {
        return new FeatureHierarchy(signal, newWeight, levels, absentFactor);
    }

    FeatureHierarchy withLevelWeight(Feature feature, double newWeight) {
        return new FeatureHierarchy(signal, weight, levels.stream()
                .map(level -> level.feature() == feature ? new Level(feature, newWeight) : level)
                .toList(), absentFactor);
    }

    FeatureHierarchy withAbsentFactor(double factor) {
        return new FeatureHierarchy(signal, weight, levels, factor);
    }

    boolean contains(Feature feature) {
        return levels.stream().anyMatch(level -> level.feature() == feature);
    }

    private static void requireWeight(String what, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of " + what + " must be a finite number >= 0, not " + weight);
        }
    }

    /**
     * One level of a hierarchy.
     *
     * @param feature the feature compared at this level
     * @param weight  its share of the signal's probability (weights are renormalized over the levels whose value
     *                is known, so they need not add up to 1)
     */
    public record Level(Feature feature, double weight) {
    }
}
