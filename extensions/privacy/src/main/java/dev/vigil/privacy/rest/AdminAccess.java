package dev.vigil.privacy.rest;

import jakarta.ws.rs.NotAuthorizedException;

import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * An administrator, with a token of their own realm (this realm, or master): Keycloak's admin permissions
 * decide, exactly as for the admin console (view-users to read a user's data, manage-users to change it).
 */
final class AdminAccess {

    private final AdminPermissionEvaluator permissions;

    private AdminAccess(AdminPermissionEvaluator permissions) {
        this.permissions = permissions;
    }

    static AdminAccess authenticate(KeycloakSession session, RealmModel realm) {
        String token = AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
        if (token == null) {
            throw new NotAuthorizedException("Bearer");
        }
        RealmModel adminRealm = issuerRealm(session, token);
        // The token is verified against the realm that issued it, as Keycloak's admin API does.
        session.getContext().setRealm(adminRealm);
        AuthResult auth;
        try {
            auth = AuthenticationManager.verifyIdentityToken(session, adminRealm, session.getContext().getUri(),
                    session.getContext().getConnection(), true, true, null, false, token,
                    session.getContext().getRequestHeaders(), verifier -> { });
        } finally {
            session.getContext().setRealm(realm);
        }
        if (auth == null) {
            throw new NotAuthorizedException("Bearer");
        }
        // As Keycloak's AdminRoot does: the admin's realm, token, user and the client the token was issued to.
        AdminAuth adminAuth = new AdminAuth(adminRealm, auth.token(), auth.user(),
                adminRealm.getClientByClientId(auth.token().getIssuedFor()));
        return new AdminAccess(AdminPermissions.evaluator(session, realm, adminAuth));
    }

    private static RealmModel issuerRealm(KeycloakSession session, String token) {
        try {
            String issuer = new JWSInput(token).readJsonContent(AccessToken.class).getIssuer();
            RealmModel realm = issuer == null ? null
                    : session.realms().getRealmByName(issuer.substring(issuer.lastIndexOf('/') + 1));
            if (realm == null) {
                throw new NotAuthorizedException("Bearer");
            }
            return realm;
        } catch (JWSInputException e) {
            throw new NotAuthorizedException("Bearer");
        }
    }

    /** Realm-wide operations (retention, keys) need manage-realm, as the realm settings do. */
    void requireManageRealm() {
        permissions.realm().requireManageRealm();
    }

    /** Access to one user's data; for an unknown user, only an admin who may view users at all is told so (404). */
    SubjectAccess forUser(UserModel subject) {
        return new SubjectAccess() {
            @Override
            public void requireRead() {
                if (subject == null) {
                    permissions.users().requireView();
                } else {
                    permissions.users().requireView(subject);
                }
            }

            @Override
            public void requireWrite() {
                permissions.users().requireManage(subject);
            }
        };
    }
}
