package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One acceptance of one version of a realm's terms by one user. Consent records are history:
 * a new terms version adds a record, and withdrawal only stamps the records it ends. They live as
 * long as the user.
 */
@Entity
@Table(name = "VIGIL_CONSENT")
@NamedQueries({
        @NamedQuery(name = ConsentRecordEntity.FIND_BY_USER,
                query = "select c from ConsentRecordEntity c where c.realmId = :realmId and c.userId = :userId"
                        + " order by c.acceptedAt desc"),
        @NamedQuery(name = ConsentRecordEntity.COUNT_ACTIVE_FOR_VERSION,
                query = "select count(c) from ConsentRecordEntity c where c.realmId = :realmId and c.userId = :userId"
                        + " and c.termsVersion = :termsVersion and c.withdrawnAt is null"),
        @NamedQuery(name = ConsentRecordEntity.WITHDRAW_ACTIVE,
                query = "update ConsentRecordEntity c set c.withdrawnAt = :withdrawnAt"
                        + " where c.realmId = :realmId and c.userId = :userId and c.withdrawnAt is null"),
        @NamedQuery(name = ConsentRecordEntity.DELETE_BY_USER,
                query = "delete from ConsentRecordEntity c where c.realmId = :realmId and c.userId = :userId"),
        @NamedQuery(name = ConsentRecordEntity.DELETE_BY_REALM,
                query = "delete from ConsentRecordEntity c where c.realmId = :realmId")
})
public class ConsentRecordEntity {

    static final String FIND_BY_USER = "vigilConsent.findByUser";
    static final String COUNT_ACTIVE_FOR_VERSION = "vigilConsent.countActiveForVersion";
    static final String WITHDRAW_ACTIVE = "vigilConsent.withdrawActive";
    static final String DELETE_BY_USER = "vigilConsent.deleteByUser";
    static final String DELETE_BY_REALM = "vigilConsent.deleteByRealm";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "TERMS_VERSION", length = 64, nullable = false)
    private String termsVersion;

    /** Epoch milliseconds, as Keycloak stores its own timestamps. */
    @Column(name = "ACCEPTED_AT", nullable = false)
    private long acceptedAt;

    /** Space-separated purpose identifiers the user accepted. */
    @Column(name = "PURPOSES", length = 1024, nullable = false)
    private String purposes;

    /** Epoch milliseconds when the user withdrew this consent; null while it holds. */
    @Column(name = "WITHDRAWN_AT")
    private Long withdrawnAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getTermsVersion() {
        return termsVersion;
    }

    public void setTermsVersion(String termsVersion) {
        this.termsVersion = termsVersion;
    }

    public long getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(long acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public String getPurposes() {
        return purposes;
    }

    public void setPurposes(String purposes) {
        this.purposes = purposes;
    }

    public Long getWithdrawnAt() {
        return withdrawnAt;
    }

    public void setWithdrawnAt(Long withdrawnAt) {
        this.withdrawnAt = withdrawnAt;
    }
}
