package dev.vigil.privacy.rest;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The user themselves, with an access token of this realm carrying the same account roles Keycloak's
 * own account API asks for: view-profile to read, manage-account to change.
 */
final class SelfAccess implements SubjectAccess {

    private final AuthResult auth;

    private SelfAccess(AuthResult auth) {
        this.auth = auth;
    }

    static SelfAccess authenticate(KeycloakSession session) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return new SelfAccess(auth);
    }

    UserModel user() {
        return auth.user();
    }

    @Override
    public void requireRead() {
        requireAccountRole(AccountRoles.VIEW_PROFILE, AccountRoles.MANAGE_ACCOUNT);
    }

    @Override
    public void requireWrite() {
        requireAccountRole(AccountRoles.MANAGE_ACCOUNT);
    }

    private void requireAccountRole(String... anyOf) {
        AccessToken.Access account = auth.token().getResourceAccess(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (account != null) {
            for (String role : anyOf) {
                if (account.isUserInRole(role)) {
                    return;
                }
            }
        }
        throw new ForbiddenException("the token lacks the account role " + String.join(" or ", anyOf));
    }

    /** Keycloak's account client roles, by name. */
    private static final class AccountRoles {
        static final String VIEW_PROFILE = "view-profile";
        static final String MANAGE_ACCOUNT = "manage-account";
    }
}
