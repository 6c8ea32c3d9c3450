package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;

import org.keycloak.authentication.requiredactions.DeleteCredentialAction;

/** Vigil's {@code delete_credential} in the place of Keycloak's: removing the phone asks for a fresh code first. */
public class DeleteCredentialWithProofActionFactory extends KeycloakActionOverride<DeleteCredentialAction> {

    public DeleteCredentialWithProofActionFactory() {
        super(new DeleteCredentialAction(), keycloak -> new DeleteCredentialWithProofAction(keycloak,
                new FactorProofStep(Clock.systemUTC(), new SecureRandom(), keycloak.getId())));
    }
}
