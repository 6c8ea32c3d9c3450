package dev.vigil.otp.flow;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.api.settings.SettingsValidator;
import dev.vigil.otp.credential.PhoneCredentialModel;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** "Vigil OTP": a one-time code by SMS (Twilio) or e-mail, with every limit; usable in any flow and under conditions. */
public class OtpAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator>, SettingsValidator {

    public static final String ID = "vigil-otp";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};

    private final OtpAuthenticator authenticator = new OtpAuthenticator(Clock.systemUTC(), new SecureRandom());

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Vigil OTP";
    }

    /** The credential type: Keycloak's account console lists a type only when a step of an active flow refers to it. */
    @Override
    public String getReferenceCategory() {
        return PhoneCredentialModel.TYPE;
    }

    @Override
    public String getHelpText() {
        return "Sends a one-time code to the user's verified phone (Twilio) or by e-mail, and checks it."
                + " Without settings it writes codes to the development outbox: set the channel for production.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return OtpConfigProperties.PROPERTIES;
    }

    /** Phone enrolment reads the same settings: what is saved here must be readable. */
    @Override
    public void validateSettings(Map<String, String> config) {
        OtpConfig.from(config);
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    /** Users without a phone or e-mail address are sent to phone enrolment. */
    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }
}
