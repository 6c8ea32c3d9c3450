package dev.vigil.privacy.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.privacy.consent.ConsentStepConfig;
import org.keycloak.models.RealmModel;

/**
 * A realm's privacy settings: what device data it collects and how long it keeps it. They are set with the
 * terms, in the settings of the realm's "Vigil consent" step (admin console, Authentication), since the
 * terms tell users exactly this; read null-safely, with Vigil's defaults for a realm that never set them.
 */
public record PrivacySettings(boolean network, Geolocation geolocation, boolean userAgent, boolean fingerprint,
                              boolean timeZone, Duration historyRetention, Duration deviceRetention,
                              Duration rememberedDevice, Optional<Duration> inactiveAccount) {

    public static final String NETWORK = "collectNetwork";
    public static final String GEOLOCATION = "geolocation";
    public static final String USER_AGENT = "collectUserAgent";
    public static final String FINGERPRINT = "collectFingerprint";
    public static final String TIME_ZONE = "collectTimeZone";
    public static final String HISTORY_DAYS = "historyRetentionDays";
    public static final String DEVICE_DAYS = "deviceRetentionDays";
    public static final String REMEMBERED_DEVICE_DAYS = "rememberedDeviceDays";
    public static final String INACTIVE_ACCOUNT_DAYS = "inactiveAccountDays";

    public static final int DEFAULT_HISTORY_DAYS = 180;
    public static final int DEFAULT_DEVICE_DAYS = 180;
    public static final int DEFAULT_REMEMBERED_DEVICE_DAYS = 30;

    public static PrivacySettings of(RealmModel realm) {
        return from(ConsentStepConfig.of(realm));
    }

    static PrivacySettings from(Map<String, String> config) {
        return new PrivacySettings(
                flag(config, NETWORK),
                geolocation(config.get(GEOLOCATION)),
                flag(config, USER_AGENT),
                flag(config, FINGERPRINT),
                flag(config, TIME_ZONE),
                Duration.ofDays(days(config, HISTORY_DAYS, DEFAULT_HISTORY_DAYS)),
                Duration.ofDays(days(config, DEVICE_DAYS, DEFAULT_DEVICE_DAYS)),
                Duration.ofDays(days(config, REMEMBERED_DEVICE_DAYS, DEFAULT_REMEMBERED_DEVICE_DAYS)),
                inactiveAccount(days(config, INACTIVE_ACCOUNT_DAYS, 0)));
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

    /** Off (empty) unless the realm set a number of days. */
    private static Optional<Duration> inactiveAccount(int days) {
        return days > 0 ? Optional.of(Duration.ofDays(days)) : Optional.empty();
    }

    /** Every switch defaults to on: the risk model needs them, and the consent gate tells the user. */
    private static boolean flag(Map<String, String> config, String key) {
        String value = config.get(key);
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

    private static int days(Map<String, String> config, String key, int fallback) {
        String value = config.get(key);
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
