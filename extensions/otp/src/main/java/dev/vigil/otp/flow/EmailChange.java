package dev.vigil.otp.flow;

import java.util.Locale;

/**
 * Whether a proposed e-mail address differs from the user's: Keycloak keeps addresses lower-cased and trimmed, so
 * only a different mailbox is a change. A blank proposal against a set address is one too (it removes a factor).
 */
public final class EmailChange {

    private EmailChange() {
    }

    /** @param proposed null when the request does not mention the e-mail at all (Keycloak then keeps it) */
    public static boolean changes(String current, String proposed) {
        return proposed != null && !normalized(proposed).equals(normalized(current));
    }

    private static String normalized(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
