package dev.vigil.privacy.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * A realm's privacy settings (Realm settings > Vigil privacy in the admin console), read null-safely with
 * Vigil's defaults for a realm that never saved them.
 */
public record PrivacySettings(boolean network, Geolocation geolocation, boolean userAgent, boolean fingerprint,
                              boolean timeZone, Duration historyRetention, Duration deviceRetention,
                              Duration rememberedDevice, Optional<Duration> inactiveAccount) {

    static final String NETWORK = "collectNetwork";
    static final String GEOLOCATION = "geolocation";
    static final String USER_AGENT = "collectUserAgent";
    static final String FINGERPRINT = "collectFingerprint";
    static final String TIME_ZONE = "collectTimeZone";
    static final String HISTORY_DAYS = "historyRetentionDays";
    static final String DEVICE_DAYS = "deviceRetentionDays";
    static final String REMEMBERED_DEVICE_DAYS = "rememberedDeviceDays";
    static final String INACTIVE_ACCOUNT_DAYS = "inactiveAccountDays";

    static final int DEFAULT_HISTORY_DAYS = 180;
    static final int DEFAULT_DEVICE_DAYS = 180;
    static final int DEFAULT_REMEMBERED_DEVICE_DAYS = 30;

    public static PrivacySettings of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> PrivacySettingsTabFactory.ID.equals(component.getProviderId()))
                .findFirst()
                .map(ComponentModel::getConfig)
                .map(PrivacySettings::from)
                .orElseGet(() -> from(new MultivaluedHashMap<>()));
    }

    static PrivacySettings from(MultivaluedHashMap<String, String> config) {
        int inactiveDays = days(config, INACTIVE_ACCOUNT_DAYS, 0);
        return new PrivacySettings(
                flag(config, NETWORK),
                geolocation(config.getFirst(GEOLOCATION)),
                flag(config, USER_AGENT),
                flag(config, FINGERPRINT),
                flag(config, TIME_ZONE),
                Duration.ofDays(days(config, HISTORY_DAYS, DEFAULT_HISTORY_DAYS)),
                Duration.ofDays(days(config, DEVICE_DAYS, DEFAULT_DEVICE_DAYS)),
                Duration.ofDays(days(config, REMEMBERED_DEVICE_DAYS, DEFAULT_REMEMBERED_DEVICE_DAYS)),
                inactiveDays > 0 ? Optional.of(Duration.ofDays(inactiveDays)) : Optional.empty());
    }

    /** Whether the realm collects this feature; what it does not collect is never read nor stored. */
    public boolean collects(Feature feature) {
        return switch (feature) {
            case IP, NETWORK, ASN -> network;
            case CITY -> geolocation == Geolocation.CITY;
            case COUNTRY -> geolocation != Geolocation.NONE;
            case USER_AGENT, BROWSER, OS, DEVICE_TYPE, LANGUAGE -> userAgent;
            case FINGERPRINT -> fingerprint;
            case TIME_ZONE -> timeZone;
        };
    }

    /** Every switch defaults to on: the risk model needs them, and the consent gate tells the user. */
    private static boolean flag(MultivaluedHashMap<String, String> config, String key) {
        String value = config.getFirst(key);
        return value == null || value.isBlank() || Boolean.parseBoolean(value.trim());
    }

    private static Geolocation geolocation(String value) {
        if (value == null || value.isBlank()) {
            return Geolocation.CITY;
        }
        try {
            return Geolocation.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // Fail towards privacy: an unreadable setting collects less, never more.
            return Geolocation.COUNTRY;
        }
    }

    private static int days(MultivaluedHashMap<String, String> config, String key, int fallback) {
        String value = config.getFirst(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException unreadable) {
            return fallback;
        }
    }
}
