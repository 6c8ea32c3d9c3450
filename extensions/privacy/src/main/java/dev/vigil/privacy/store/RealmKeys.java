package dev.vigil.privacy.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import dev.vigil.api.provider.SessionMemo;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Each realm's pseudonymization secret, created on first use (in its own transaction, so two nodes agree). A session
 * has one instance, which reads a realm's secret once however many values the request pseudonymizes.
 */
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private final KeycloakSession session;
    private final Clock clock;
    /** Secrets already read in this session, by realm. */
    private final Map<String, byte[]> secrets = new HashMap<>();

    /** The realm keys of the session (and its database transaction). */
    public static RealmKeys of(KeycloakSession session, Clock clock) {
        return SessionMemo.get(session, "realm-keys", RealmKeys.class, () -> new RealmKeys(session, clock));
    }

    private RealmKeys(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** The realm's secret; a copy, so no caller can change what the session keeps. */
    public byte[] secret(String realmId) {
        return secrets.computeIfAbsent(realmId, id -> Base64.getDecoder().decode(findOrCreate(id).secret)).clone();
    }

    /** Replaces the realm's secret: every hash stored so far stops matching new observations. */
    public void rotate(String realmId) {
        RealmKeyEntity key = findOrCreate(realmId);
        key.secret = newSecret();
        key.createdAt = clock.millis();
        secrets.remove(realmId);
    }

    private RealmKeyEntity findOrCreate(String realmId) {
        RealmKeyEntity key = em(session).find(RealmKeyEntity.class, realmId);
        if (key == null) {
            create(session.getKeycloakSessionFactory(), realmId);
            key = em(session).find(RealmKeyEntity.class, realmId);
        }
        return key;
    }

    private void create(KeycloakSessionFactory factory, String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, fresh -> {
                RealmKeyEntity key = new RealmKeyEntity();
                key.realmId = realmId;
                key.secret = newSecret();
                key.createdAt = clock.millis();
                em(fresh).persist(key);
            });
        } catch (RuntimeException concurrentCreation) {
            // Another node created it first: its secret is the one to use.
            LOG.debugf("Pseudonymization key of realm %s created concurrently: %s", realmId, concurrentCreation.getMessage());
        }
    }

    private static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
