package dev.vigil.privacy.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import dev.vigil.api.provider.SessionMemo;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Restriction of processing per user (GDPR art. 18), set and lifted by admins only. Erasure keeps it: it is the
 * record that stops Vigil from learning about the user again, so only an admin's decision ends it. A session has one
 * instance, which reads each user's restriction from the database once (a login asks when scoring and again when
 * recording): an unrestricted user has no row, and looking for a missing row always reaches the database.
 */
public class Restrictions {

    private final EntityManager em;
    private final Clock clock;
    /** Restrictions already looked up in this session: since when, or empty for none. */
    private final Map<UserKey, Optional<Long>> known = new HashMap<>();

    /** The restrictions of the session (and its database transaction). */
    public static Restrictions of(KeycloakSession session, Clock clock) {
        return SessionMemo.get(session, "restrictions", Restrictions.class,
                () -> new Restrictions(session.getProvider(JpaConnectionProvider.class).getEntityManager(), clock));
    }

    Restrictions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public boolean isRestricted(String realmId, String userId) {
        return restrictedSince(realmId, userId).isPresent();
    }

    /** Since when the user's processing is restricted (epoch milliseconds); empty when it is not. */
    public Optional<Long> restrictedSince(String realmId, String userId) {
        return known.computeIfAbsent(new UserKey(realmId, userId), key ->
                Optional.ofNullable(em.find(RestrictionEntity.class, key)).map(r -> r.restrictedAt));
    }

    public void restrict(String realmId, String userId) {
        if (!isRestricted(realmId, userId)) {
            RestrictionEntity restriction = new RestrictionEntity();
            restriction.realmId = realmId;
            restriction.userId = userId;
            restriction.restrictedAt = clock.millis();
            em.persist(restriction);
            known.put(new UserKey(realmId, userId), Optional.of(restriction.restrictedAt));
        }
    }

    public void lift(String realmId, String userId) {
        em.createNamedQuery(RestrictionEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
        known.put(new UserKey(realmId, userId), Optional.empty());
    }
}
