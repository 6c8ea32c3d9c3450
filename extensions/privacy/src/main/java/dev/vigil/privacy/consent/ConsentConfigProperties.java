package dev.vigil.privacy.consent;

import java.util.List;

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
            .build();

    private ConsentConfigProperties() {
    }
}
