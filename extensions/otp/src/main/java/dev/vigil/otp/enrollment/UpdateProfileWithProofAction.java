package dev.vigil.otp.enrollment;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;

import dev.vigil.otp.flow.EmailChange;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.UserModel;

/**
 * Keycloak's "Update profile" ({@code kc_action=UPDATE_PROFILE}), whose form edits the e-mail address when the realm
 * disables "Update email" or the user has none. A post that changes the address first passes {@link EmailChangeGuard};
 * after the code the form is shown again, to be posted anew. Every other post is Keycloak's action unchanged.
 */
public class UpdateProfileWithProofAction extends WrappedKeycloakAction<RequiredActionProvider> {

    private final EmailChangeGuard guard;

    UpdateProfileWithProofAction(RequiredActionProvider keycloak, EmailChangeGuard guard) {
        super(keycloak);
        this.guard = guard;
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (touchesEmail(context)) {
            guard.check(context).proceed(context, keycloak);
        } else {
            keycloak.processAction(context);
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
}
