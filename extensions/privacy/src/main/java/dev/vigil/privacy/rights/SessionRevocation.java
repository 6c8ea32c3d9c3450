package dev.vigil.privacy.rights;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Ends all access a user has through tokens issued so far: online sessions (with back-channel logout to the
 * clients), offline sessions (so offline refresh tokens stop working), and the user's not-before, so that any
 * token issued before now fails at refresh and introspection even if a session were to survive somewhere.
 */
final class SessionRevocation {

    private SessionRevocation() {
    }

    static void endEverySession(KeycloakSession session, RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().getUserSessionsStream(realm, user).toList()
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        UserSessionManager offline = new UserSessionManager(session);
        offline.findOfflineSessionsStream(realm, user).toList().forEach(offline::revokeOfflineUserSession);
    }
}
