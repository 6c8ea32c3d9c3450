package dev.vigil.otp.limits;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Names of a realm's limiter windows. Phone numbers, e-mail addresses and networks appear in them only as an
 * HMAC-SHA256 under the realm's secret (its active HMAC signing key), so a copy of the store cannot be turned back
 * into numbers by hashing every possible one. Rotating that key starts the windows afresh, which is harmless.
 */
public final class LimiterKeys {

    private static final String HMAC = "HmacSHA256";
    private static final int KEPT_BYTES = 16;

    private final String realmId;
    private final SecretKey secret;

    public LimiterKeys(String realmId, SecretKey secret) {
        this.realmId = realmId;
        this.secret = secret;
    }

    /**
     * The keys of {@code realm}, under its active HS512 key: Keycloak generates one for every realm (and a fallback
     * when an admin removed it), keeps it in the database for the whole cluster, and never shows it.
     */
    public static LimiterKeys of(KeycloakSession session, RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalArgumentException("realm " + realm.getName() + " has no active HS512 key for Vigil's limits");
        }
        return new LimiterKeys(realm.getId(), key.getSecretKey());
    }

    /** The window of {@code kind} for {@code parts}, which must already be identifiers or {@link #hidden} values. */
    public String of(String kind, String... parts) {
        return "vigil-otp:" + kind + ":" + realmId + (parts.length == 0 ? "" : ":" + String.join(":", parts));
    }

    /** A personal value (number, address, network) as it may appear in a key. */
    public String hidden(String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getEncoded(), HMAC));
            byte[] digest = mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, KEPT_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
