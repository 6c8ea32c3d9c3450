package dev.vigil.otp.enrollment;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;

import dev.vigil.otp.flow.EmailChange;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's "Update profile" ({@code kc_action=UPDATE_PROFILE}), whose form edits the e-mail address when the realm
 * disables "Update email" or the user has none. A post that changes the address first passes {@link EmailChangeGuard};
 * after the code the form is shown again, to be posted anew. Every other post is Keycloak's action unchanged.
 */
public class UpdateProfileWithProofAction implements RequiredActionProvider {

    private final RequiredActionProvider keycloak;
    private final EmailChangeGuard guard;

    UpdateProfileWithProofAction(RequiredActionProvider keycloak, EmailChangeGuard guard) {
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
        keycloak.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!touchesEmail(context)) {
            keycloak.processAction(context);
            return;
        }
        switch (guard.check(context)) {
            case CLEARED -> keycloak.processAction(context);
            case PROVEN_NOW -> keycloak.requiredActionChallenge(context); // the profile form again
            case ANSWERED -> {
            }
        }
    }

    /** A post that would change the address, or that answers the code page this action showed for one. */
    private static boolean touchesEmail(RequiredActionContext context) {
        if (!HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
            return false;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        return EmailChangeGuard.isProofPost(form) || EmailChange.changes(context.getUser().getEmail(), form.getFirst(UserModel.EMAIL));
    }

    @Override
    public void close() {
    }
}
