package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.otp.credential.PhoneCredentialProvider;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Required action {@code vigil-phone-enrollment}; its channel and limits are those of the realm's Vigil OTP step. */
public class PhoneEnrollmentActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    public static final String ID = PhoneCredentialProvider.ENROLMENT_ACTION;

    private final PhoneEnrollmentAction action = new PhoneEnrollmentAction(Clock.systemUTC(), new SecureRandom());

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Register a phone for sign-in codes";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }
}
