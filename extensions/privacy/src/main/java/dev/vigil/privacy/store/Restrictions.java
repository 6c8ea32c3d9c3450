package dev.vigil.privacy.store;

import java.time.Clock;

import jakarta.persistence.EntityManager;

/** Restriction of processing per user (GDPR art. 18), set and lifted by admins. */
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
