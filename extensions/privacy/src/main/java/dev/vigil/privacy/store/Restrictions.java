package dev.vigil.privacy.store;

import java.time.Clock;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * Restriction of processing per user (GDPR art. 18), set and lifted by admins only. Erasure keeps it: it is the
 * record that stops Vigil from learning about the user again, so only an admin's decision ends it.
 */
public class Restrictions {

    private final EntityManager em;
    private final Clock clock;

    public Restrictions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public boolean isRestricted(String realmId, String userId) {
        return em.find(RestrictionEntity.class, new UserKey(realmId, userId)) != null;
    }

    /** Since when the user's processing is restricted (epoch milliseconds); empty when it is not. */
    public Optional<Long> restrictedSince(String realmId, String userId) {
        return Optional.ofNullable(em.find(RestrictionEntity.class, new UserKey(realmId, userId))).map(r -> r.restrictedAt);
    }

    public void restrict(String realmId, String userId) {
        if (!isRestricted(realmId, userId)) {
            RestrictionEntity restriction = new RestrictionEntity();
            restriction.realmId = realmId;
            restriction.userId = userId;
            restriction.restrictedAt = clock.millis();
            em.persist(restriction);
        }
    }

    public void lift(String realmId, String userId) {
        em.createNamedQuery(RestrictionEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }
}
