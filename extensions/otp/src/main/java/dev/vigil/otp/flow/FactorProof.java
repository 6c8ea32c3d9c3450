package dev.vigil.otp.flow;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether, in this authentication session (one tab, one authorization request), the user typed a fresh code
 * sent to a factor they already had: the Vigil OTP step's success, or the first step of phone enrolment. Changing
 * the second factor needs it; another tab or a later authorization of the same SSO session starts without it.
 */
public final class FactorProof {

    static final String NOTE = "vigil.otp.factor-proven";

    private FactorProof() {
    }

    public static void mark(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE, "true");
    }

    public static boolean isMarked(AuthenticationSessionModel authSession) {
        return "true".equals(authSession.getAuthNote(NOTE));
    }
}
