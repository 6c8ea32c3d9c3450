package dev.vigil.privacy.settings;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "Vigil privacy" tab of Realm settings in the admin console: what device data the realm collects
 * and how long it is kept. Saved as a component of the realm; read with {@link PrivacySettings#of}.
 */
public class PrivacySettingsTabFactory implements UiTabProviderFactory<ComponentModel> {

    public static final String ID = "Vigil privacy";

    private static final List<String> DAY_SETTINGS = List.of(PrivacySettings.HISTORY_DAYS, PrivacySettings.DEVICE_DAYS,
            PrivacySettings.REMEMBERED_DEVICE_DAYS, PrivacySettings.INACTIVE_ACCOUNT_DAYS);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "vigil-privacy");
    }

    @Override
    public String getHelpText() {
        return "What device data Vigil collects in this realm, and how long it keeps it.";
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        for (String key : DAY_SETTINGS) {
            String value = model.get(key);
            if (value != null && !value.isBlank() && !value.trim().matches("\\d{1,5}")) {
                throw new ComponentValidationException(key + " must be a number of days (0 to 99999)");
            }
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(PrivacySettings.NETWORK).label("Collect network").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .helpText("Derive from the IP address its network (/24 or /48), AS number and anonymizer flags;"
                        + " kept as keyed hashes, never the raw address.").add()
                .property().name(PrivacySettings.GEOLOCATION).label("Geolocation precision").type(ProviderConfigProperty.LIST_TYPE)
                .options("city", "country", "none").defaultValue("city")
                .helpText("City: city and its coordinates (impossible travel); country: country only; none: no place.").add()
                .property().name(PrivacySettings.USER_AGENT).label("Collect user agent").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .helpText("Browser, operating system and device type from the User-Agent, and Accept-Language.").add()
                .property().name(PrivacySettings.FINGERPRINT).label("Collect client fingerprint").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .helpText("A hash of screen, time zone, platform and languages computed by the login page's script.").add()
                .property().name(PrivacySettings.TIME_ZONE).label("Collect time zone").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .helpText("The browser's time zone, to compare the hour of sign-in with the user's usual hours.").add()
                .property().name(PrivacySettings.HISTORY_DAYS).label("Keep sign-in history (days)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(PrivacySettings.DEFAULT_HISTORY_DAYS))
                .helpText("Sign-ins and their risk records older than this are deleted.").add()
                .property().name(PrivacySettings.DEVICE_DAYS).label("Keep unused devices (days)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(PrivacySettings.DEFAULT_DEVICE_DAYS))
                .helpText("A device not seen for this long is deleted.").add()
                .property().name(PrivacySettings.REMEMBERED_DEVICE_DAYS).label("Remembered device (days without use)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(PrivacySettings.DEFAULT_REMEMBERED_DEVICE_DAYS))
                .helpText("A remembered-device cookie expires after this many days without use.").add()
                .property().name(PrivacySettings.INACTIVE_ACCOUNT_DAYS).label("Flag inactive accounts (days)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("0")
                .helpText("Accounts without a sign-in for this long are flagged for review; 0 turns this off.").add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
