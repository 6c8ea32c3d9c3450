package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A device a user signs in from, known by a keyed hash of its fingerprint (or user agent) and a readable label. */
@Entity
@Table(name = "VIGIL_DEVICE")
@NamedQueries({
        @NamedQuery(name = DeviceEntity.FIND_BY_USER,
                query = "select d from DeviceEntity d where d.realmId = :realmId and d.userId = :userId order by d.lastSeen desc"),
        @NamedQuery(name = DeviceEntity.DELETE_BY_USER,
                query = "delete from DeviceEntity d where d.realmId = :realmId and d.userId = :userId"),
        @NamedQuery(name = DeviceEntity.DELETE_BY_REALM,
                query = "delete from DeviceEntity d where d.realmId = :realmId"),
        @NamedQuery(name = DeviceEntity.DELETE_ONE,
                query = "delete from DeviceEntity d where d.realmId = :realmId and d.userId = :userId and d.id = :id"),
        @NamedQuery(name = DeviceEntity.IDS_NOT_SEEN_SINCE,
                query = "select d.id from DeviceEntity d where d.realmId = :realmId and d.lastSeen < :cutoff order by d.lastSeen"),
        @NamedQuery(name = DeviceEntity.DELETE_BY_IDS,
                query = "delete from DeviceEntity d where d.id in :ids")
})
public class DeviceEntity {

    static final String FIND_BY_USER = "vigilDevice.findByUser";
    static final String DELETE_BY_USER = "vigilDevice.deleteByUser";
    static final String DELETE_BY_REALM = "vigilDevice.deleteByRealm";
    static final String DELETE_ONE = "vigilDevice.deleteOne";
    static final String IDS_NOT_SEEN_SINCE = "vigilDevice.idsNotSeenSince";
    static final String DELETE_BY_IDS = "vigilDevice.deleteByIds";

    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;
    @Column(name = "USER_ID", length = 36, nullable = false)
    String userId;
    /** Keyed hash identifying the device for this user. */
    @Column(name = "DEVICE_KEY", length = 64, nullable = false)
    String deviceKey;
    @Column(name = "LABEL", length = 128)
    String label;
    @Column(name = "FIRST_SEEN", nullable = false)
    long firstSeen;
    @Column(name = "LAST_SEEN", nullable = false)
    long lastSeen;

    public String getId() {
        return id;
    }

    public String getDeviceKey() {
        return deviceKey;
    }

    public String getLabel() {
        return label;
    }

    public long getFirstSeen() {
        return firstSeen;
    }

    public long getLastSeen() {
        return lastSeen;
    }
}
