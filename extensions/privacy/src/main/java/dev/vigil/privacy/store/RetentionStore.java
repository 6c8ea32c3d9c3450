package dev.vigil.privacy.store;

import java.util.List;

import jakarta.persistence.EntityManager;

/** Deletes history past its cut-off, one bounded batch per call, oldest first. */
public class RetentionStore {

    private final EntityManager em;

    public RetentionStore(EntityManager em) {
        this.em = em;
    }

    /** Deletes up to {@code batch} sign-ins made before {@code cutoffMillis}; returns how many. */
    public int deleteSignInsBefore(String realmId, long cutoffMillis, int batch) {
        List<String> ids = em.createNamedQuery(SignInEntity.IDS_OLDER_THAN, String.class)
                .setParameter("realmId", realmId).setParameter("cutoff", cutoffMillis)
                .setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createNamedQuery(SignInEntity.DELETE_BY_IDS).setParameter("ids", ids).executeUpdate();
    }

    /** Deletes up to {@code batch} devices last seen before {@code cutoffMillis}; returns how many. */
    public int deleteDevicesNotSeenSince(String realmId, long cutoffMillis, int batch) {
        List<String> ids = em.createNamedQuery(DeviceEntity.IDS_NOT_SEEN_SINCE, String.class)
                .setParameter("realmId", realmId).setParameter("cutoff", cutoffMillis)
                .setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createNamedQuery(DeviceEntity.DELETE_BY_IDS).setParameter("ids", ids).executeUpdate();
    }
}
