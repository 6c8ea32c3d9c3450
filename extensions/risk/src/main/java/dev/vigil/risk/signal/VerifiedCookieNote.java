package dev.vigil.risk.signal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.vigil.risk.signal.RememberedDevices.Presented;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * What one request of a login learned by verifying the remembered-device cookie, noted in the login's
 * authentication session (server-side, cluster-wide, gone with the login) so that its next request need not parse
 * and verify the same token again. The note holds the SHA-256 of the cookie it is about: any other cookie value,
 * such as one swapped in between the two requests, finds nothing and is verified afresh.
 */
final class VerifiedCookieNote {

    static final String NOTE = "vigil.remembered-device.verified";

    private VerifiedCookieNote() {
    }

    /** The note as kept: times in epoch milliseconds (the cookie's own are whole seconds). */
    record Noted(String cookieDigest, String realmId, String userId, String deviceId, String keyId, long issuedAt,
                 long expiresAt) {

        static Noted of(String cookieDigest, Presented cookie) {
            return new Noted(cookieDigest, cookie.realmId(), cookie.userId(), cookie.deviceId(), cookie.keyId(),
                    cookie.issuedAt().toEpochMilli(), cookie.expiresAt().toEpochMilli());
        }

        Presented cookie() {
            return new Presented(realmId, userId, deviceId, keyId, Instant.ofEpochMilli(issuedAt),
                    Instant.ofEpochMilli(expiresAt));
        }
    }

    static void note(AuthenticationSessionModel login, String cookieValue, Presented verified) {
        try {
            login.setAuthNote(NOTE, JsonSerialization.writeValueAsString(Noted.of(digest(cookieValue), verified)));
        } catch (IOException unwritable) {
            login.removeAuthNote(NOTE); // nothing noted: the next request verifies the cookie itself
        }
    }

    /** The noted verification of exactly this cookie value, if an earlier request of the login made one. */
    static Optional<Presented> recall(AuthenticationSessionModel login, String cookieValue) {
        String json = login.getAuthNote(NOTE);
        if (json == null) {
            return Optional.empty();
        }
        try {
            Noted noted = JsonSerialization.readValue(json, Noted.class);
            return noted.cookieDigest().equals(digest(cookieValue)) ? Optional.of(noted.cookie()) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static String digest(String cookieValue) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(cookieValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
