package dev.vigil.privacy.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-CSRF tokens for the account page's forms: an HMAC of the user's SSO session id under the realm's
 * secret. A page from another site can make the browser post with the session cookie, but cannot know
 * the token; the token dies with the session.
 */
public final class FormTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public FormTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    public String issue(String userSessionId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update("vigil-account-form:".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(userSessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte. */
    public boolean verify(String userSessionId, String token) {
        return token != null && MessageDigest.isEqual(issue(userSessionId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
