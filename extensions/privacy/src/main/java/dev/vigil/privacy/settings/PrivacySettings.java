package dev.vigil.privacy.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.api.provider.SessionMemo;
import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.api.settings.ParsedSettings;
import dev.vigil.api.settings.SettingsReader;
import dev.vigil.privacy.consent.ConsentAuthenticatorFactory;
import dev.vigil.privacy.consent.ConsentStepConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A realm's privacy settings: what device data it collects and how long it keeps it. They are set with the
 * terms, in the settings of the realm's "Vigil consent" step (admin console, Authentication), since the
 * terms tell users exactly this; read through Vigil's shared {@link SettingsReader}, with Vigil's defaults for a
 * realm that never set them.
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

    /** Longest retention or period an admin may set: ten years. */
    private static final int MAX_DAYS = 3650;

    private static final ParsedSettings<PrivacySettings> PARSED = new ParsedSettings<>(PrivacySettings::from);

    /** What a realm whose settings cannot be read collects and keeps: nothing new, old data on the defaults. */
    static final PrivacySettings FAIL_SAFE = new PrivacySettings(false, Geolocation.NONE, false, false, false,
            Duration.ofDays(DEFAULT_HISTORY_DAYS), Duration.ofDays(DEFAULT_DEVICE_DAYS),
            Duration.ofDays(DEFAULT_REMEMBERED_DEVICE_DAYS), Optional.empty());

    /**
     * The realm's settings; when a stored one is out of range, {@link #FAIL_SAFE} (towards privacy: collect
     * nothing) and the setting reported; the consent step refuses sign-ins meanwhile. Read once per session.
     */
    public static PrivacySettings of(KeycloakSession session, RealmModel realm) {
        return SessionMemo.get(session, "privacy-settings:" + realm.getId(), PrivacySettings.class, () -> {
            try {
                return from(ConsentStepConfig.of(session, realm));
            } catch (InvalidSetting bad) {
                BadSettings.report(session, realm, ConsentAuthenticatorFactory.ID, bad);
                return FAIL_SAFE;
            }
        });
    }

    /** The settings saved with this consent step, parsed once per saved version. @throws InvalidSetting naming the first setting out of its range */
    public static PrivacySettings from(AuthenticatorConfigModel model) {
        return PARSED.of(model);
    }

    /** @throws InvalidSetting naming the first setting out of its range */
    public static PrivacySettings from(Map<String, String> raw) {
        SettingsReader config = SettingsReader.of(raw);
        int inactiveDays = config.integer(INACTIVE_ACCOUNT_DAYS, 0, 0, MAX_DAYS);
        // Every switch defaults to on: the risk model needs them, and the consent gate tells the user.
        return new PrivacySettings(
                config.flag(NETWORK, true),
                config.choice(GEOLOCATION, Geolocation.class, Geolocation.CITY),
                config.flag(USER_AGENT, true),
                config.flag(FINGERPRINT, true),
                config.flag(TIME_ZONE, true),
                config.duration(HISTORY_DAYS, ChronoUnit.DAYS, DEFAULT_HISTORY_DAYS, 0, MAX_DAYS),
                config.duration(DEVICE_DAYS, ChronoUnit.DAYS, DEFAULT_DEVICE_DAYS, 0, MAX_DAYS),
                config.duration(REMEMBERED_DEVICE_DAYS, ChronoUnit.DAYS, DEFAULT_REMEMBERED_DEVICE_DAYS, 0, MAX_DAYS),
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
}
