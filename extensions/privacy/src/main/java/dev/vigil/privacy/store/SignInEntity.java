package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One sign-in in a user's history. Identifying values are keyed hashes (the *_HASH columns); the rest is
 * coarse. There is no column for a raw IP address, user agent or fingerprint.
 */
@Entity
@Table(name = "VIGIL_SIGN_IN")
@NamedQueries({
        @NamedQuery(name = SignInEntity.DELETE_BY_USER,
                query = "delete from SignInEntity s where s.realmId = :realmId and s.userId = :userId"),
        @NamedQuery(name = SignInEntity.DELETE_BY_REALM,
                query = "delete from SignInEntity s where s.realmId = :realmId"),
        @NamedQuery(name = SignInEntity.DELETE_BY_DEVICE,
                query = "delete from SignInEntity s where s.realmId = :realmId and s.userId = :userId and s.deviceId = :deviceId"),
        @NamedQuery(name = SignInEntity.IDS_OLDER_THAN,
                query = "select s.id from SignInEntity s where s.realmId = :realmId and s.at < :cutoff order by s.at"),
        @NamedQuery(name = SignInEntity.DELETE_BY_IDS,
                query = "delete from SignInEntity s where s.id in :ids"),
        @NamedQuery(name = SignInEntity.USERS_AFTER,
                query = "select distinct s.userId from SignInEntity s where s.realmId = :realmId and s.userId > :after"
                        + " order by s.userId")
})
public class SignInEntity {

    static final String DELETE_BY_USER = "vigilSignIn.deleteByUser";
    static final String DELETE_BY_REALM = "vigilSignIn.deleteByRealm";
    static final String DELETE_BY_DEVICE = "vigilSignIn.deleteByDevice";
    static final String IDS_OLDER_THAN = "vigilSignIn.idsOlderThan";
    static final String DELETE_BY_IDS = "vigilSignIn.deleteByIds";
    static final String USERS_AFTER = "vigilSignIn.usersAfter";

    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;
    @Column(name = "USER_ID", length = 36, nullable = false)
    String userId;
    @Column(name = "DEVICE_ID", length = 36)
    String deviceId;
    /** Epoch milliseconds. */
    @Column(name = "AT", nullable = false)
    long at;

    @Column(name = "IP_HASH", length = 64)
    String ipHash;
    @Column(name = "NETWORK_HASH", length = 64)
    String networkHash;
    @Column(name = "ASN", length = 16)
    String asn;
    @Column(name = "COUNTRY", length = 8)
    String country;
    @Column(name = "CITY_HASH", length = 64)
    String cityHash;
    @Column(name = "USER_AGENT_HASH", length = 64)
    String userAgentHash;
    @Column(name = "BROWSER", length = 64)
    String browser;
    @Column(name = "OS", length = 64)
    String os;
    @Column(name = "DEVICE_TYPE", length = 32)
    String deviceType;
    @Column(name = "FINGERPRINT_HASH", length = 64)
    String fingerprintHash;
    @Column(name = "LANGUAGE", length = 64)
    String language;
    @Column(name = "TIME_ZONE", length = 64)
    String timeZone;

    @Column(name = "LATITUDE")
    Double latitude;
    @Column(name = "LONGITUDE")
    Double longitude;
    @Column(name = "ACCURACY_KM")
    Integer accuracyKm;
    @Column(name = "PLACE_LABEL", length = 128)
    String placeLabel;
    @Column(name = "DEVICE_LABEL", length = 128)
    String deviceLabel;

    @Column(name = "RISK_LEVEL", length = 16)
    String riskLevel;
    @Column(name = "RISK_SCORE")
    Double riskScore;
    /** One reason per line. */
    @Column(name = "REASONS", length = 2048)
    String reasons;
    @Column(name = "OUTCOME", length = 16, nullable = false)
    String outcome;
}
