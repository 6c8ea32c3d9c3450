package dev.vigil.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sign-in. Given to {@link SignInHistoryProvider#record}, it carries the raw values the risk extension
 * observed (id null); read back from the store, it carries what the store kept.
 *
 * @param id          the store's identifier
 * @param at          when it happened
 * @param features    feature values: keyed hashes for {@link Feature#pseudonymized()} ones, coarse text otherwise;
 *                    a feature the realm does not collect is absent
 * @param place       where from, or null when geolocation is not collected
 * @param deviceLabel what a person reads, e.g. "Firefox on Linux (desktop)"
 * @param riskLevel   LOW, MEDIUM or HIGH, or null when the sign-in was not scored
 * @param riskScore   the model's score, or null
 * @param reasons     the signals that raised or lowered the score, for the user and the admin to read
 * @param outcome     what the flow did
 */
public record SignIn(String id, Instant at, Map<Feature, String> features, Place place, String deviceLabel,
                     String riskLevel, Double riskScore, List<String> reasons, Outcome outcome) {

    public SignIn {
        features = Map.copyOf(features);
        reasons = List.copyOf(reasons);
    }

    /** What the flow did with the sign-in. */
    public enum Outcome {
        ALLOWED,
        STEPPED_UP,
        DENIED
    }
}
