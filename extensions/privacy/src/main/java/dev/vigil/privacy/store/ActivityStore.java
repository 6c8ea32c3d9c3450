package dev.vigil.privacy.store;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/** Last sign-in times, and the users of a realm without one since a cut-off. */
public class ActivityStore {

    private final EntityManager em;

    public ActivityStore(EntityManager em) {
        this.em = em;
    }

    /** Moves the user's last sign-in time forward (or keeps the first one) in one statement, without reading it. */
    public void signedIn(String realmId, String userId, long at) {
        RaceSafe.run(em, (db, dialect) -> {
            try (PreparedStatement upsert = db.prepareStatement(dialect.signedIn())) {
                upsert.setString(1, realmId);
                upsert.setString(2, userId);
                upsert.setLong(3, at);
                return upsert.executeUpdate();
            }
        });
    }

    /** When the user last signed in (epoch milliseconds), if the realm kept it. */
    public Optional<Long> lastSignIn(String realmId, String userId) {
        return Optional.ofNullable(em.find(LastSignInEntity.class, new UserKey(realmId, userId))).map(last -> last.at);
    }

    /** Forgets when the user last signed in; returns how many rows went (0 or 1). */
    public int erase(String realmId, String userId) {
        return em.createNamedQuery(LastSignInEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }

    /** Users who have not signed in since {@code cutoffMillis} (nor been created since), a page at a time. */
    public List<String> inactiveSince(String realmId, long cutoffMillis, int first, int max) {
        return em.createNamedQuery(LastSignInEntity.INACTIVE_USER_IDS, String.class)
                .setParameter("realmId", realmId).setParameter("cutoff", cutoffMillis)
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
    }
}
