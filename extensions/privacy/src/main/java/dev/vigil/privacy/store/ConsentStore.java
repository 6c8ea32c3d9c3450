package dev.vigil.privacy.store;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import dev.vigil.api.provider.SessionMemo;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Consent records of one realm's users, in Keycloak's database and transaction. A session has one store, which
 * answers "does this user hold a current consent?" from the database once: the consent step, the required action,
 * the history and the activity listener of one login all ask it. Every change made through the store updates that answer.
 */
public class ConsentStore {

    private final EntityManager em;
    private final Clock clock;
    /** Active consents already looked up in this session, by user and terms version. */
    private final Map<Asked, Boolean> active = new HashMap<>();

    /** The store of the session (and its database transaction). */
    public static ConsentStore of(KeycloakSession session, Clock clock) {
        return SessionMemo.get(session, "consent-store", ConsentStore.class,
                () -> new ConsentStore(session.getProvider(JpaConnectionProvider.class).getEntityManager(), clock));
    }

    ConsentStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Whether the user accepted this terms version and has not withdrawn since. */
    public boolean hasActiveConsent(String realmId, String userId, String termsVersion) {
        return active.computeIfAbsent(new Asked(realmId, userId, termsVersion), key ->
                em.createNamedQuery(ConsentRecordEntity.COUNT_ACTIVE_FOR_VERSION, Long.class)
                        .setParameter("realmId", realmId)
                        .setParameter("userId", userId)
                        .setParameter("termsVersion", termsVersion)
                        .getSingleResult() > 0);
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
        active.put(new Asked(realmId, userId, termsVersion), true);
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
        active.clear();
        return em.createNamedQuery(ConsentRecordEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Ends every consent the user still has; returns how many were ended. */
    public int withdraw(String realmId, String userId) {
        active.clear();
        return em.createNamedQuery(ConsentRecordEntity.WITHDRAW_ACTIVE)
                .setParameter("withdrawnAt", clock.millis())
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    private record Asked(String realmId, String userId, String termsVersion) {
    }
}
