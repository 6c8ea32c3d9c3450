package dev.vigil.privacy.settings;

import java.util.Map;

/** Settings as a realm's admin would have saved them, for tests in other packages. */
public final class PrivacySettingsFixtures {

    private PrivacySettingsFixtures() {
    }

    public static PrivacySettings defaults() {
        return PrivacySettings.from(Map.of());
    }

    public static PrivacySettings with(String key, String value) {
        return PrivacySettings.from(Map.of(key, value));
    }
}
