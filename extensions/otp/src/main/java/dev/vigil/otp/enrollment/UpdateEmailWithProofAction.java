package dev.vigil.otp.enrollment;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's "Update email" ({@code kc_action=UPDATE_EMAIL}, the account console's way to change the address), which
 * first asks what {@link EmailChangeGuard} asks: a verified address receives sign-in codes, so the password or the
 * SSO cookie alone must not point it at another mailbox. The form, the verification link and the change itself are
 * Keycloak's action unchanged.
 */
public class UpdateEmailWithProofAction implements RequiredActionProvider {

    private final RequiredActionProvider keycloak;
    private final EmailChangeGuard guard;

    UpdateEmailWithProofAction(RequiredActionProvider keycloak, EmailChangeGuard guard) {
        this.keycloak = keycloak;
        this.guard = guard;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return keycloak.initiatedActionSupport();
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        keycloak.initiatedActionCanceled(session, authSession);
    }

    @Override
    public int getMaxAuthAge(KeycloakSession session) {
        return keycloak.getMaxAuthAge(session);
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        keycloak.evaluateTriggers(context);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (guard.check(context) != EmailChangeGuard.Outcome.ANSWERED) {
            keycloak.requiredActionChallenge(context);
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        switch (guard.check(context)) {
            case CLEARED -> keycloak.processAction(context);
            case PROVEN_NOW -> keycloak.requiredActionChallenge(context); // the address form, whose post comes back here
            case ANSWERED -> {
            }
        }
    }

    @Override
    public void close() {
    }
}
