package dev.vigil.privacy.consent;

import java.util.List;

import dev.vigil.privacy.settings.PrivacySettings;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The consent step's settings as the admin console shows them. */
final class ConsentConfigProperties {

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(ConsentConfig.TERMS_VERSION)
            .label("Terms version")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(ConsentConfig.DEFAULT_TERMS_VERSION)
            .helpText("The version of the terms users accept. Saving a new version publishes it: every user is asked"
                    + " again at their next login, and their earlier acceptances stay as history.")
            .add()
            .property()
            .name(ConsentConfig.POLICY_URL)
            .label("Privacy policy URL")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Link to the full privacy policy, shown with the terms. Empty: no link.")
            .add()
            .property()
            .name(ConsentConfig.PURPOSES)
            .label("Purposes")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .defaultValue(ConsentConfig.DEFAULT_PURPOSES)
            .helpText("Purposes the user accepts, by identifier; each is explained to the user by the message"
                    + " 'vigilPurpose.<identifier>' (Realm settings > Localization to change the texts).")
            .add()
            .property()
            .name(ConsentConfig.CLIENTS)
            .label("Clients requiring consent")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .helpText("Client IDs whose logins require consent. Empty: every client of the realm.")
            .add()
            // What the realm collects and keeps: the terms describe it, so it is set with them.
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
            .helpText("Accounts without a sign-in for this long get the attribute vigilInactive=true (search users by"
                    + " it); signing in again removes it. 0: off, and no last sign-in time is kept.").add()
            .build();

    private ConsentConfigProperties() {
    }
}
