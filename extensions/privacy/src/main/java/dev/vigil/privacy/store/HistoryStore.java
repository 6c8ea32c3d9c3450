package dev.vigil.privacy.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;

/**
 * Devices and sign-ins of one realm's users, in Keycloak's database and transaction. It stores what it is
 * given: deciding what may be kept (collection settings, pseudonyms) is the caller's job.
 */
public class HistoryStore {

    private final EntityManager em;

    public HistoryStore(EntityManager em) {
        this.em = em;
    }

    /** Stores a sign-in whose values are already as they must be kept, and the device it came from. */
    public SignIn add(String realmId, String userId, SignIn kept, Optional<String> deviceKey) {
        SignInEntity row = new SignInEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.userId = userId;
        row.at = kept.at().toEpochMilli();
        row.deviceId = deviceKey.map(key -> touchDevice(realmId, userId, key, kept.deviceLabel(), row.at).id).orElse(null);
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
        row.reasons = kept.reasons().isEmpty() ? null : String.join("\n", kept.reasons());
        row.outcome = kept.outcome().name();
        em.persist(row);
        return toSignIn(row);
    }

    private DeviceEntity touchDevice(String realmId, String userId, String deviceKey, String label, long at) {
        List<DeviceEntity> known = em.createNamedQuery(DeviceEntity.FIND_BY_KEY, DeviceEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("deviceKey", deviceKey)
                .getResultList();
        if (!known.isEmpty()) {
            DeviceEntity device = known.get(0);
            device.lastSeen = Math.max(device.lastSeen, at);
            if (label != null) {
                device.label = label;
            }
            return device;
        }
        DeviceEntity device = new DeviceEntity();
        device.id = UUID.randomUUID().toString();
        device.realmId = realmId;
        device.userId = userId;
        device.deviceKey = deviceKey;
        device.label = label;
        device.firstSeen = at;
        device.lastSeen = at;
        em.persist(device);
        return device;
    }

    public List<SignIn> recent(String realmId, String userId, int limit) {
        return em.createNamedQuery(SignInEntity.FIND_BY_USER, SignInEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId)
                .setMaxResults(limit)
                .getResultStream()
                .map(HistoryStore::toSignIn)
                .toList();
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

    /** Deletes all of a user's devices and sign-ins; returns how many rows went. */
    public int eraseUser(String realmId, String userId) {
        int signIns = em.createNamedQuery(SignInEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
        return signIns + em.createNamedQuery(DeviceEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }

    static SignIn toSignIn(SignInEntity row) {
        Map<Feature, String> features = new EnumMap<>(Feature.class);
        SignInColumns.read(row, features);
        Place place = row.latitude == null && row.placeLabel == null ? null
                : new Place(row.latitude, row.longitude, row.accuracyKm, row.placeLabel);
        List<String> reasons = row.reasons == null ? List.of() : Arrays.asList(row.reasons.split("\n"));
        return new SignIn(row.id, Instant.ofEpochMilli(row.at), features, place, row.deviceLabel, row.riskLevel,
                row.riskScore, reasons, SignIn.Outcome.valueOf(row.outcome));
    }
}
