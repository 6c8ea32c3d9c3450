package dev.vigil.privacy.history;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.privacy.settings.Geolocation;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.Pseudonyms;

/**
 * What of an observed sign-in may be kept: only features the realm collects, identifying ones as keyed
 * hashes, the place only at city precision, the device label only when user agents are collected.
 */
final class KeepRules {

    private final PrivacySettings settings;
    private final Pseudonyms pseudonyms;

    KeepRules(PrivacySettings settings, Pseudonyms pseudonyms) {
        this.settings = settings;
        this.pseudonyms = pseudonyms;
    }

    SignIn keep(SignIn observed) {
        Map<Feature, String> kept = new EnumMap<>(Feature.class);
        observed.features().forEach((feature, value) -> {
            if (settings.collects(feature) && value != null && !value.isBlank()) {
                kept.put(feature, feature.pseudonymized() ? pseudonyms.of(feature, value) : value);
            }
        });
        return new SignIn(null, observed.at(), kept,
                settings.geolocation() == Geolocation.CITY ? observed.place() : null,
                settings.userAgent() ? observed.deviceLabel() : null,
                observed.riskLevel(), observed.riskScore(), observed.reasons(), observed.outcome());
    }

    /** A device is known by its fingerprint, or failing that its user agent (both already pseudonymized). */
    static Optional<String> deviceKey(SignIn kept) {
        return Optional.ofNullable(kept.features().get(Feature.FINGERPRINT))
                .or(() -> Optional.ofNullable(kept.features().get(Feature.USER_AGENT)));
    }
}
