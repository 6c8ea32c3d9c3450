package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.models.KeycloakSession;

/**
 * Takes the place of Keycloak's {@code delete_credential} required action (same id, higher order: Keycloak keeps the
 * factory of highest order per id), so that every realm's phone removal asks for a fresh code.
 */
public class DeleteCredentialWithProofActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    private final DeleteCredentialAction keycloak = new DeleteCredentialAction();
    private final DeleteCredentialWithProofAction action = new DeleteCredentialWithProofAction(keycloak,
            new FactorProofStep(Clock.systemUTC(), new SecureRandom(), DeleteCredentialAction.PROVIDER_ID));

    @Override
    public String getId() {
        return DeleteCredentialAction.PROVIDER_ID;
    }

    @Override
    public int order() {
        return keycloak.order() + 1;
    }

    @Override
    public String getDisplayText() {
        return keycloak.getDisplayText();
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }
}
