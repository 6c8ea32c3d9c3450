package dev.vigil.privacy.consent;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.api.settings.SettingsValidator;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.ConsentStore;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** "Vigil consent": the terms step of the {@code vigil browser} flow, placed right after the password. */
public class ConsentAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator>, SettingsValidator {

    public static final String ID = "vigil-consent";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    private final Clock clock = Clock.systemUTC();
    private final ConsentAuthenticator authenticator = new ConsentAuthenticator(session -> ConsentStore.of(session, clock));

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Vigil consent";
    }

    @Override
    public String getReferenceCategory() {
        return "consent";
    }

    @Override
    public String getHelpText() {
        return "Asks the user to accept the current, versioned terms before any device data is collected."
                + " Who refuses is not logged in and nothing about them is stored.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConsentConfigProperties.PROPERTIES;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    /** The step's settings hold the terms and the realm's privacy settings: both must be readable. */
    @Override
    public void validateSettings(Map<String, String> config) {
        ConsentConfig.from(config);
        PrivacySettings.from(config);
    }
}
