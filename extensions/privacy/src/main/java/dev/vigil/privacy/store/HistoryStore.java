package dev.vigil.privacy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;

/**
 * Devices and sign-ins of one realm's users, in Keycloak's database and transaction. It stores what it is
 * given: deciding what may be kept (collection settings, pseudonyms) is the caller's job.
 */
public class HistoryStore {

    /** Sign-ins beyond the cap that concurrent logins may briefly leave, deleted by the next one. */
    private static final int CAP_MARGIN = 32;

    private final EntityManager em;

    public HistoryStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores a sign-in whose values are already as they must be kept, and the device it came from, in three
     * statements: the device created or touched (one upsert, whose key a racing login of the same device cannot
     * duplicate), the user's history length read up to the cap (the oldest sign-ins beyond it deleted), and the
     * sign-in inserted at commit.
     */
    public SignIn add(String realmId, String userId, SignIn kept, Optional<String> deviceKey) {
        SignInEntity row = new SignInEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.userId = userId;
        row.at = kept.at().toEpochMilli();
        row.deviceId = deviceKey.map(key -> touchDevice(realmId, userId, key, kept.deviceLabel(), row.at)).orElse(null);
        SignInColumns.write(row, kept.features());
        Place place = kept.place();
        if (place != null) {
            row.latitude = place.latitude();
            row.longitude = place.longitude();
            row.accuracyKm = place.accuracyRadiusKm();
            row.placeLabel = place.label();
        }
        row.deviceLabel = kept.deviceLabel();
        row.riskLevel = kept.riskLevel();
        row.riskScore = kept.riskScore();
        row.reasons = SignInColumns.reasons(kept.reasons());
        row.outcome = kept.outcome().name();
        keepWithinCap(realmId, userId);
        em.persist(row);
        return new SignIn(row.id, Instant.ofEpochMilli(row.at), kept.features(), place, kept.deviceLabel(),
                kept.riskLevel(), kept.riskScore(), kept.reasons(), kept.outcome());
    }

    /** The device's id, its row created or its last-seen time and label updated by key, without reading it first. */
    private String touchDevice(String realmId, String userId, String deviceKey, String label, long at) {
        return RaceSafe.run(em, (db, dialect) -> {
            try (PreparedStatement upsert = db.prepareStatement(dialect.touchDevice())) {
                upsert.setString(1, UUID.randomUUID().toString());
                upsert.setString(2, realmId);
                upsert.setString(3, userId);
                upsert.setString(4, deviceKey);
                upsert.setString(5, label);
                upsert.setLong(6, at);
                upsert.setLong(7, at);
                try (ResultSet device = upsert.executeQuery()) {
                    device.next();
                    return device.getString(1);
                }
            }
        });
    }

    /**
     * Makes room for one more sign-in under {@link SignInHistoryProvider#MAX_SIGN_INS_PER_USER}: counts the user's
     * sign-ins (never more than the cap and a margin, so the cost stays bounded) and deletes the oldest beyond it.
     */
    private void keepWithinCap(String realmId, String userId) {
        int cap = SignInHistoryProvider.MAX_SIGN_INS_PER_USER;
        // Plain JDBC on the transaction's connection: a JPA query would first flush and dirty-check the whole session.
        em.runWithConnection((Connection db) -> {
            int kept;
            try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM VIGIL_SIGN_IN"
                    + " WHERE REALM_ID = ? AND USER_ID = ? LIMIT ?) H")) {
                count.setString(1, realmId);
                count.setString(2, userId);
                count.setInt(3, cap + CAP_MARGIN);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    kept = result.getInt(1);
                }
            }
            if (kept >= cap) {
                try (PreparedStatement oldest = db.prepareStatement("DELETE FROM VIGIL_SIGN_IN WHERE ID IN (SELECT ID"
                        + " FROM VIGIL_SIGN_IN WHERE REALM_ID = ? AND USER_ID = ? ORDER BY AT LIMIT ?)")) {
                    oldest.setString(1, realmId);
                    oldest.setString(2, userId);
                    oldest.setInt(3, kept - cap + 1);
                    oldest.executeUpdate();
                }
            }
        });
    }

    /**
     * The user's latest sign-ins, newest first. Every login reads up to the cap of them: plain JDBC on the
     * transaction's connection maps the rows straight to sign-ins, without entities (a sign-in persisted but not yet
     * flushed in this transaction is not among them).
     */
    public List<SignIn> recent(String realmId, String userId, int limit) {
        return em.callWithConnection((Connection db) -> {
            try (PreparedStatement query = db.prepareStatement("SELECT " + SignInColumns.SELECTED
                    + " FROM VIGIL_SIGN_IN WHERE REALM_ID = ? AND USER_ID = ? ORDER BY AT DESC LIMIT ?")) {
                query.setString(1, realmId);
                query.setString(2, userId);
                query.setInt(3, limit);
                List<SignIn> signIns = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        signIns.add(SignInColumns.signIn(rows));
                    }
                }
                return signIns;
            }
        });
    }

    /** Ids of users with recorded sign-ins after {@code afterUserId} (null: from the first), in id order. */
    public List<String> usersAfter(String realmId, String afterUserId, int limit) {
        return em.createNamedQuery(SignInEntity.USERS_AFTER, String.class)
                .setParameter("realmId", realmId).setParameter("after", afterUserId == null ? "" : afterUserId)
                .setMaxResults(limit)
                .getResultList();
    }

    public Optional<String> deviceOf(String realmId, String userId, String signInId) {
        SignInEntity row = em.find(SignInEntity.class, signInId);
        return row != null && row.realmId.equals(realmId) && row.userId.equals(userId)
                ? Optional.ofNullable(row.deviceId) : Optional.empty();
    }

    public boolean hasDevice(String realmId, String userId, String deviceId) {
        DeviceEntity device = em.find(DeviceEntity.class, deviceId);
        return device != null && device.realmId.equals(realmId) && device.userId.equals(userId);
    }

    public List<DeviceEntity> devices(String realmId, String userId) {
        return em.createNamedQuery(DeviceEntity.FIND_BY_USER, DeviceEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId)
                .getResultList();
    }

    /** Forgets one device and the sign-ins made from it; false when the user has no such device. */
    public boolean forgetDevice(String realmId, String userId, String deviceId) {
        em.createNamedQuery(SignInEntity.DELETE_BY_DEVICE)
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("deviceId", deviceId)
                .executeUpdate();
        return em.createNamedQuery(DeviceEntity.DELETE_ONE)
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("id", deviceId)
                .executeUpdate() > 0;
    }

    /**
     * Deletes all of a user's devices and sign-ins, and the user's own population row (the realm's aggregate counts
     * stay: they name no one); returns how many rows went.
     */
    public int eraseUser(String realmId, String userId) {
        int signIns = em.createNamedQuery(SignInEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
        int devices = em.createNamedQuery(DeviceEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
        return signIns + devices + em.createNamedQuery(PopulationCountEntity.DELETE_ONE)
                .setParameter("realmId", realmId).setParameter("counter", PopulationStore.USER)
                .setParameter("valueKey", userId).executeUpdate();
    }
}
