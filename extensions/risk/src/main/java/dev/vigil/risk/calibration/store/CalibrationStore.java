package dev.vigil.risk.calibration.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Each realm's latest calibration: one row per realm, replaced by each recomputation. */
public final class CalibrationStore {

    private final EntityManager em;

    CalibrationStore(EntityManager em) {
        this.em = em;
    }

    public static CalibrationStore of(KeycloakSession session) {
        return new CalibrationStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    public Optional<StoredCalibration> latest(String realmId) {
        return Optional.ofNullable(em.find(CalibrationEntity.class, realmId)).map(CalibrationStore::toRecord);
    }

    public void replace(String realmId, StoredCalibration result) {
        CalibrationEntity existing = em.find(CalibrationEntity.class, realmId);
        CalibrationEntity row = existing == null ? new CalibrationEntity() : existing;
        row.realmId = realmId;
        row.target = result.target();
        row.settingsStamp = result.settingsStamp();
        row.mediumThreshold = result.mediumThreshold();
        row.highThreshold = result.highThreshold();
        row.attacksCaught = result.attacksCaught();
        row.legitimateSteppedUp = result.legitimateSteppedUp();
        row.sampleUsers = result.sampleUsers();
        row.legitimateLogins = result.legitimateLogins();
        row.attacks = result.attacks();
        row.computedAt = result.computedAt().toEpochMilli();
        row.durationMillis = result.duration().toMillis();
        row.fallback = result.fallback();
        if (existing == null) {
            em.persist(row); // complete: Hibernate checks the not-null columns here
        }
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery(CalibrationEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
    }

    private static StoredCalibration toRecord(CalibrationEntity row) {
        return new StoredCalibration(row.target, row.settingsStamp, row.mediumThreshold, row.highThreshold, row.attacksCaught,
                row.legitimateSteppedUp, row.sampleUsers, row.legitimateLogins, row.attacks,
                Instant.ofEpochMilli(row.computedAt), Duration.ofMillis(row.durationMillis), row.fallback);
    }
}
