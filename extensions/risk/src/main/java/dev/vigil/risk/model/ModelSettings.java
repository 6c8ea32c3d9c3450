package dev.vigil.risk.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.vigil.api.history.Feature;
import dev.vigil.risk.model.FeatureHierarchy.Level;

/**
 * What {@link FreemanModel} compares and how much each part counts.
 *
 * @param hierarchies   the signals, each a hierarchy of features; a feature belongs to one signal at most
 * @param unseenDivisor when the user never used any level of a signal, the user's probability of the value is
 *                      the population's divided by this (Wiefling et al.'s edge case, 4), so the signal's factor
 *                      is this number (to the signal's weight)
 * @param userPrior     whether to multiply by p(user | attack) / p(user | legit), Freeman et al.'s prior
 */
public record ModelSettings(List<FeatureHierarchy> hierarchies, double unseenDivisor, boolean userPrior) {

    /** Signal names, as in contributions and admin settings. */
    public static final String NETWORK = "network";
    public static final String DEVICE = "device";
    public static final String FINGERPRINT = "fingerprint";
    public static final String LANGUAGE = "language";
    public static final String TIME_ZONE = "time-zone";
    /** The prior's name in contributions. */
    public static final String USER = "user";

    public ModelSettings {
        hierarchies = List.copyOf(hierarchies);
        Set<Feature> seen = EnumSet.noneOf(Feature.class);
        for (FeatureHierarchy hierarchy : hierarchies) {
            for (Level level : hierarchy.levels()) {
                if (!seen.add(level.feature())) {
                    throw new IllegalArgumentException("feature " + level.feature() + " is in two signals");
                }
            }
        }
        if (!(unseenDivisor >= 1) || Double.isInfinite(unseenDivisor)) {
            throw new IllegalArgumentException("unseen divisor must be a finite number >= 1, not " + unseenDivisor);
        }
    }

    /**
     * The server's defaults. Level weights of the device signal are those Wiefling et al. calibrated on
     * 31 million real logins (user agent 0.54, browser 0.27, OS 0.18, device type 0.01). The network signal keeps
     * their 0.6 for the address and gives the /24 (or /48) most of what they gave the ASN (0.3), leaving 0.1 to
     * ASN, city and country: on the evaluation benchmark, weight on those general levels mostly helps an attacker
     * in the victim's city or country (see docs/risk-model.md). The language counts a quarter and the time zone
     * not at all by default: both mostly repeat what the place says, and so lowered the risk of attackers in the
     * victim's region as much as the user's. A user who never sends a fingerprint is scored as if theirs matched
     * as a typical user's does (0.005, the median factor of known fingerprints on the benchmark).
     */
    public static ModelSettings defaults() {
        return new ModelSettings(List.of(
                new FeatureHierarchy(NETWORK, 1, List.of(
                        new Level(Feature.IP, 0.6),
                        new Level(Feature.NETWORK, 0.3),
                        new Level(Feature.ASN, 0.06),
                        new Level(Feature.CITY, 0.02),
                        new Level(Feature.COUNTRY, 0.02))),
                new FeatureHierarchy(DEVICE, 1, List.of(
                        new Level(Feature.USER_AGENT, 0.54),
                        new Level(Feature.BROWSER, 0.27),
                        new Level(Feature.OS, 0.18),
                        new Level(Feature.DEVICE_TYPE, 0.01))),
                FeatureHierarchy.single(FINGERPRINT, 1, Feature.FINGERPRINT).withAbsentFactor(0.005),
                FeatureHierarchy.single(LANGUAGE, 0.25, Feature.LANGUAGE),
                FeatureHierarchy.single(TIME_ZONE, 0, Feature.TIME_ZONE)),
                4, true);
    }

    /** The signal of that name, or null. */
    public FeatureHierarchy hierarchy(String signal) {
        for (FeatureHierarchy hierarchy : hierarchies) {
            if (hierarchy.signal().equals(signal)) {
                return hierarchy;
            }
        }
        return null;
    }

    /** These settings with one signal's weight changed (0 switches it off). */
    public ModelSettings withSignalWeight(String signal, double weight) {
        requireSignal(signal);
        return new ModelSettings(hierarchies.stream()
                .map(hierarchy -> hierarchy.signal().equals(signal) ? hierarchy.withWeight(weight) : hierarchy)
                .toList(), unseenDivisor, userPrior);
    }

    /** These settings with one level's weight changed (0 switches the feature off). */
    public ModelSettings withLevelWeight(Feature feature, double weight) {
        if (hierarchies.stream().noneMatch(hierarchy -> hierarchy.contains(feature))) {
            throw new IllegalArgumentException("feature " + feature + " is in no signal");
        }
        return new ModelSettings(hierarchies.stream()
                .map(hierarchy -> hierarchy.contains(feature) ? hierarchy.withLevelWeight(feature, weight) : hierarchy)
                .toList(), unseenDivisor, userPrior);
    }

    /** These settings with another factor for a signal the user never had (1: neutral). */
    public ModelSettings withAbsentFactor(String signal, double factor) {
        requireSignal(signal);
        return new ModelSettings(hierarchies.stream()
                .map(hierarchy -> hierarchy.signal().equals(signal) ? hierarchy.withAbsentFactor(factor) : hierarchy)
                .toList(), unseenDivisor, userPrior);
    }

    /** These settings with another unseen divisor. */
    public ModelSettings withUnseenDivisor(double divisor) {
        return new ModelSettings(hierarchies, divisor, userPrior);
    }

    /** These settings with the user prior on or off. */
    public ModelSettings withUserPrior(boolean on) {
        return new ModelSettings(hierarchies, unseenDivisor, on);
    }

    private void requireSignal(String signal) {
        if (hierarchy(signal) == null) {
            throw new IllegalArgumentException("no signal " + signal + "; known: "
                    + hierarchies.stream().map(FeatureHierarchy::signal).toList());
        }
    }
}
