package dev.vigil.otp.enrollment;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * Keycloak's "Update email" ({@code kc_action=UPDATE_EMAIL}, the account console's way to change the address), which
 * first asks what {@link EmailChangeGuard} asks: a verified address receives sign-in codes, so the password or the
 * SSO cookie alone must not point it at another mailbox. The form, the verification link and the change itself are
 * Keycloak's action unchanged.
 */
public class UpdateEmailWithProofAction extends WrappedKeycloakAction<RequiredActionProvider> {

    private final EmailChangeGuard guard;

    UpdateEmailWithProofAction(RequiredActionProvider keycloak, EmailChangeGuard guard) {
        super(keycloak);
        this.guard = guard;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (guard.check(context) != EmailChangeGuard.Outcome.ANSWERED) {
            keycloak.requiredActionChallenge(context);
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        guard.check(context).proceed(context, keycloak);
    }
}
