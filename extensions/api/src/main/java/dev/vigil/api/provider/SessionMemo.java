package dev.vigil.api.provider;

import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;

/**
 * What one Keycloak session (one request, or one job) asks several times, worked out once: kept in the session's
 * attributes, so it goes with the session and no other request ever sees it. A login's steps, required actions and
 * event listeners each ask for the same consent, settings and keys; this is how they share one answer.
 */
public final class SessionMemo {

    private static final String PREFIX = "vigil.memo.";

    private SessionMemo() {
    }

    /**
     * The value this session already worked out under {@code key}, else {@code compute}'s (never null), kept for
     * the rest of the session. A value read from data the session itself may change belongs in a per-session object
     * whose writes update it (as the consent store does), not here directly.
     */
    public static <T> T get(KeycloakSession session, String key, Class<T> type, Supplier<T> compute) {
        String name = PREFIX + key;
        T known = session.getAttribute(name, type);
        if (known != null) {
            return known;
        }
        T computed = compute.get();
        session.setAttribute(name, computed);
        return computed;
    }
}
