package dev.vigil.privacy.rights;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vigil.privacy.store.ConsentRecordEntity;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * A consent receipt: the consent record's fields as a JWS signed with the realm's active RS256 key, so the user
 * (or anyone they show it to) can verify it against the realm's published JWKS. Since that key also signs the
 * realm's tokens, a receipt must never pass for one: it is typed ({@value #TYPE}, which OIDC libraries refuse
 * as a token), its audience ({@code <issuer>}{@value #AUDIENCE_PATH}) is no client's, it carries no {@code typ}
 * claim (Keycloak wants {@code Bearer}) and it expires; a fresh one can be downloaded at any time.
 */
public final class ConsentReceipts {

    public static final String MEDIA_TYPE = "application/jwt";
    static final String TYPE = "vigil-consent-receipt+jwt";
    static final String AUDIENCE_PATH = "/vigil/consent-receipts";
    static final Duration VALIDITY = Duration.ofDays(365);

    private ConsentReceipts() {
    }

    public static String sign(KeycloakSession session, RealmModel realm, ConsentRecordEntity record, Instant issuedAt) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256);
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(issuer + AUDIENCE_PATH)
                .subject(record.getUserId())
                .jwtID(record.getId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(VALIDITY)))
                .claim("terms_version", record.getTermsVersion())
                .claim("purposes", Arrays.asList(record.getPurposes().split(" ")))
                .claim("accepted_at", record.getAcceptedAt() / 1000);
        if (record.getWithdrawnAt() != null) {
            claims.claim("withdrawn_at", record.getWithdrawnAt() / 1000);
        }
        SignedJWT receipt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKid())
                .type(new JOSEObjectType(TYPE))
                .build(), claims.build());
        try {
            receipt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign consent receipt with key " + key.getKid(), e);
        }
        return receipt.serialize();
    }
}
