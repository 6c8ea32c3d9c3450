package dev.vigil.api.flow;

import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The consent gate's word, in the authentication session, that the signing-in user holds a consent to the realm's
 * current terms: steps of other extensions that may learn from the login (the risk step reading a fingerprint the
 * login form carried) read it instead of the consent store. It names the user, so it never vouches for another.
 */
public final class CurrentTermsNote {

    static final String NOTE = "vigil.consent.current-terms";

    private CurrentTermsNote() {
    }

    /** Set by the consent gate once it has seen the user's consent to the current terms, or recorded it. */
    public static void mark(AuthenticationSessionModel authSession, UserModel user) {
        authSession.setAuthNote(NOTE, user.getId());
    }

    public static boolean holds(AuthenticationSessionModel authSession, UserModel user) {
        return user != null && user.getId().equals(authSession.getAuthNote(NOTE));
    }
}
