package dev.vigil.otp.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A code kept as HMAC-SHA256 under a random per-code salt: the store never holds the code, and the
 * comparison takes the same time whatever the typed code.
 *
 * @param salt base64 of the 32 random salt bytes
 * @param hash base64 of HMAC-SHA256(salt, code)
 */
public record CodeHash(String salt, String hash) {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SALT_BYTES = 32;

    public static CodeHash of(String code, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new CodeHash(base64(salt), base64(mac(salt, code)));
    }

    public boolean matches(String typed) {
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = mac(Base64.getDecoder().decode(salt), typed);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] mac(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(salt, ALGORITHM));
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The hash is not the code, but it is not for logs either. */
    @Override
    public String toString() {
        return "CodeHash[***]";
    }
}
