package dev.vigil.privacy.settings;

import org.keycloak.common.util.MultivaluedHashMap;

/** Settings as a realm's admin would have saved them, for tests in other packages. */
public final class PrivacySettingsFixtures {

    private PrivacySettingsFixtures() {
    }

    public static PrivacySettings defaults() {
        return PrivacySettings.from(new MultivaluedHashMap<>());
    }

    public static PrivacySettings with(String key, String value) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle(key, value);
        return PrivacySettings.from(config);
    }
}
