package dev.vigil.risk.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * A scored login waiting for its outcome: the risk step keeps it in the authentication session (memory,
 * cluster-wide, gone with the session) and it enters the history only if the whole login succeeds, since the
 * model learns from successful logins only.
 *
 * @param observed raw feature values; the history store pseudonymizes them
 * @param notice   what to tell the user by e-mail once the login succeeded (a message key: new device, new
 *                 country, or a HIGH risk the realm steps up rather than denies), or null
 */
public record PendingSignIn(Map<Feature, String> observed, Place place, String deviceLabel, String level,
                            double score, List<String> reasons, String notice) {

    static final String NOTE = "vigil.risk.pending";

    public void keepIn(AuthenticationSessionModel authSession) {
        try {
            authSession.setAuthNote(NOTE, JsonSerialization.writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the pending sign-in out of the session, so that it is recorded once. */
    public static Optional<PendingSignIn> takeFrom(AuthenticationSessionModel authSession) {
        String json = authSession.getAuthNote(NOTE);
        if (json == null) {
            return Optional.empty();
        }
        authSession.removeAuthNote(NOTE);
        try {
            return Optional.of(JsonSerialization.readValue(json, PendingSignIn.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
