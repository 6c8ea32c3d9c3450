package dev.vigil.risk.signal;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.utils.SecureContextResolver;

/**
 * The remembered-device cookie: a JWS (HS512, the realm's own HMAC key, so it follows the realm's key rotation)
 * naming the user, the realm and the device the history store knows. A successful login re-issues it only when its
 * renewal is due ({@link CookieRenewal}), so it expires between 29/30 and the whole of the realm's remembered-device
 * period after its last use; the user revokes it by forgetting the device.
 */
public final class RememberedDevices {

    static final String COOKIE = "VIGIL_DEVICE";
    private static final String DEVICE_CLAIM = "did";
    private static final String TYPE = "vigil-device+jwt";
    private static final String PRESENTED = RememberedDevices.class.getName() + ".presented";

    private final KeycloakSession session;
    private final RealmModel realm;

    public RememberedDevices(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Sets the cookie on the current response, unless the request carries a genuine one for this user and device,
     * signed with the realm's active key, whose renewal is not yet due: re-signing it at every login would only move
     * its expiry by less than a thirtieth of the period.
     */
    public void remember(UserModel user, String deviceId, Instant now, Duration lifetime) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        Optional<Presented> presented = presented(user, now);
        if (presented.isPresent() && presented.get().keyId().equals(key.getKid())
                && presented.get().deviceId().equals(deviceId)
                && !CookieRenewal.due(presented.get().issuedAt(), now, lifetime)) {
            return;
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(realm.getId())
                .subject(user.getId())
                .claim(DEVICE_CLAIM, deviceId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS512).keyID(key.getKid())
                .type(new JOSEObjectType(TYPE)).build(), claims);
        try {
            jwt.sign(new MACSigner(key.getSecretKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the remembered-device cookie", e);
        }
        session.getContext().getHttpResponse().setCookieIfAbsent(new NewCookie.Builder(COOKIE)
                .value(jwt.serialize())
                .path("/realms/" + realm.getName() + "/")
                .maxAge((int) lifetime.toSeconds())
                .secure(SecureContextResolver.isSecureContext(session))
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build());
    }

    /** The device the request's cookie names for this user and realm, if the cookie is genuine and unexpired. */
    public Optional<String> rememberedFor(UserModel user, Instant now) {
        return presented(user, now).map(Presented::deviceId);
    }

    /**
     * Whether the request carries a genuine, unexpired cookie of this realm, whoever it names: the browser belongs to
     * someone who consented here (the cookie is only ever set after consent), as far as a browser can show it before
     * its user is known.
     */
    public boolean carriedForRealm(Instant now) {
        return verifiedOnce().filter(cookie -> realm.getId().equals(cookie.realmId()) && now.isBefore(cookie.expiresAt()))
                .isPresent();
    }

    /** The request's cookie if it is genuine, unexpired and for this user and realm. */
    private Optional<Presented> presented(UserModel user, Instant now) {
        return verifiedOnce().filter(cookie -> realm.getId().equals(cookie.realmId())
                && user.getId().equals(cookie.userId()) && now.isBefore(cookie.expiresAt()));
    }

    /** The request's cookie verified at its first look in this request: the risk step and the recorded login both ask. */
    @SuppressWarnings("unchecked")
    private Optional<Presented> verifiedOnce() {
        String attribute = PRESENTED + realm.getId();
        Optional<Presented> verified = session.getAttribute(attribute, Optional.class);
        if (verified == null) {
            verified = verify();
            session.setAttribute(attribute, verified);
        }
        return verified;
    }

    /**
     * The request's cookie, verified. A login shows it twice (the login page, then the password POST): what the first
     * request verified is noted in the login's authentication session, server-side, and taken again only for the
     * very same cookie value and while its key is still the realm's.
     */
    private Optional<Presented> verify() {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().length() > 4096) {
            return Optional.empty();
        }
        AuthenticationSessionModel login = session.getContext().getAuthenticationSession();
        Optional<Presented> noted = Optional.ofNullable(login)
                .flatMap(auth -> VerifiedCookieNote.recall(auth, cookie.getValue()))
                .filter(earlier -> key(earlier.keyId()) != null);
        if (noted.isPresent()) {
            return noted;
        }
        Optional<Presented> verified = parseAndVerify(cookie.getValue());
        if (login != null) {
            verified.ifPresent(genuine -> VerifiedCookieNote.note(login, cookie.getValue(), genuine));
        }
        return verified;
    }

    private KeyWrapper key(String keyId) {
        return session.keys().getKey(realm, keyId, KeyUse.SIG, Algorithm.HS512);
    }

    private Optional<Presented> parseAndVerify(String value) {
        try {
            SignedJWT jwt = SignedJWT.parse(value);
            if (!JWSAlgorithm.HS512.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            KeyWrapper key = key(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new MACVerifier(key.getSecretKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String deviceId = claims.getStringClaim(DEVICE_CLAIM);
            if (claims.getIssueTime() == null || claims.getExpirationTime() == null || deviceId == null) {
                return Optional.empty();
            }
            return Optional.of(new Presented(claims.getIssuer(), claims.getSubject(), deviceId, key.getKid(),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException forgedOrDamaged) {
            return Optional.empty();
        }
    }

    /** A genuine cookie's claims and the id of the key that verified it. */
    record Presented(String realmId, String userId, String deviceId, String keyId, Instant issuedAt,
                     Instant expiresAt) {
    }
}
