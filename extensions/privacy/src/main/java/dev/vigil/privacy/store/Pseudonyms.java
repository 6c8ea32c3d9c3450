package dev.vigil.privacy.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.vigil.api.history.Feature;

/**
 * Keyed hashes (HMAC-SHA256 with the realm's secret) of identifying values: equal values give equal
 * pseudonyms within a realm, but nobody without the secret can test a guess (an IPv4 address has only
 * 2^32 values: a plain hash would be reversible).
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Pseudonyms(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The feature's name is part of the input, so one value seen as two features gives unrelated pseudonyms. */
    public String of(Feature feature, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(feature.name().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
