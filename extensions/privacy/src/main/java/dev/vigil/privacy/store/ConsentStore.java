package dev.vigil.privacy.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Consent records of one realm's users, in Keycloak's database and transaction. */
public class ConsentStore {

    private final EntityManager em;
    private final Clock clock;

    /** The store of the session's database transaction. */
    public static ConsentStore of(KeycloakSession session, Clock clock) {
        return new ConsentStore(session.getProvider(JpaConnectionProvider.class).getEntityManager(), clock);
    }

    public ConsentStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Whether the user accepted this terms version and has not withdrawn since. */
    public boolean hasActiveConsent(String realmId, String userId, String termsVersion) {
        return em.createNamedQuery(ConsentRecordEntity.COUNT_ACTIVE_FOR_VERSION, Long.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("termsVersion", termsVersion)
                .getSingleResult() > 0;
    }

    public ConsentRecordEntity recordAcceptance(String realmId, String userId, String termsVersion,
                                                Collection<String> purposes) {
        ConsentRecordEntity record = new ConsentRecordEntity();
        record.setId(UUID.randomUUID().toString());
        record.setRealmId(realmId);
        record.setUserId(userId);
        record.setTermsVersion(termsVersion);
        record.setAcceptedAt(clock.millis());
        record.setPurposes(String.join(" ", purposes));
        em.persist(record);
        return record;
    }

    /** Newest first, withdrawn ones included: the user's consent history. */
    public List<ConsentRecordEntity> history(String realmId, String userId) {
        return em.createNamedQuery(ConsentRecordEntity.FIND_BY_USER, ConsentRecordEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList();
    }

    /** Deletes the user's consent history; returns how many records went. */
    public int erase(String realmId, String userId) {
        return em.createNamedQuery(ConsentRecordEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Ends every consent the user still has; returns how many were ended. */
    public int withdraw(String realmId, String userId) {
        return em.createNamedQuery(ConsentRecordEntity.WITHDRAW_ACTIVE)
                .setParameter("withdrawnAt", clock.millis())
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }
}
