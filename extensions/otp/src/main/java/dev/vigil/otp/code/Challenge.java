package dev.vigil.otp.code;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One issued code, as kept in the cluster-wide single-use store: to whom and for which authentication
 * session it was sent, and its salted hash (none when the channel checks codes itself, as Twilio Verify does).
 *
 * @param id             random identifier, the store key and the only thing the authentication session holds
 * @param userId         the user the code was sent to
 * @param authSessionKey the authentication session (root id and tab) it is bound to
 * @param senderId       the delivery provider that sent it
 * @param destination    E.164 number or e-mail address it was sent to
 * @param hash           salted hash of the code, or null when the sender checks codes
 * @param expiresAt      when it stops being accepted
 */
public record Challenge(String id, String userId, String authSessionKey, String senderId, String destination,
                        CodeHash hash, Instant expiresAt) {

    public Challenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(authSessionKey, "authSessionKey");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isBoundTo(String userId, String authSessionKey) {
        return this.userId.equals(userId) && this.authSessionKey.equals(authSessionKey);
    }

    Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put("user", userId);
        notes.put("session", authSessionKey);
        notes.put("sender", senderId);
        notes.put("to", destination);
        notes.put("expires", String.valueOf(expiresAt.getEpochSecond()));
        if (hash != null) {
            notes.put("salt", hash.salt());
            notes.put("hash", hash.hash());
        }
        return notes;
    }

    static Challenge fromNotes(String id, Map<String, String> notes) {
        CodeHash hash = notes.containsKey("hash") ? new CodeHash(notes.get("salt"), notes.get("hash")) : null;
        return new Challenge(id, notes.get("user"), notes.get("session"), notes.get("sender"), notes.get("to"),
                hash, Instant.ofEpochSecond(Long.parseLong(notes.get("expires"))));
    }

    @Override
    public String toString() {
        return "Challenge[" + id + ", sender=" + senderId + ", expires=" + expiresAt + "]";
    }
}
