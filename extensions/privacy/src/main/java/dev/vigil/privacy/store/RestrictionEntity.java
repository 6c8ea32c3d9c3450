package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user whose processing is restricted (GDPR art. 18): no risk scoring, nothing new recorded. */
@Entity
@Table(name = "VIGIL_RESTRICTION")
@IdClass(UserKey.class)
@NamedQueries({
        @NamedQuery(name = RestrictionEntity.DELETE_BY_USER,
                query = "delete from RestrictionEntity r where r.realmId = :realmId and r.userId = :userId"),
        @NamedQuery(name = RestrictionEntity.DELETE_BY_REALM,
                query = "delete from RestrictionEntity r where r.realmId = :realmId")
})
public class RestrictionEntity {

    static final String DELETE_BY_USER = "vigilRestriction.deleteByUser";
    static final String DELETE_BY_REALM = "vigilRestriction.deleteByRealm";

    @Id
    @Column(name = "REALM_ID", length = 36)
    String realmId;
    @Id
    @Column(name = "USER_ID", length = 36)
    String userId;
    @Column(name = "RESTRICTED_AT", nullable = false)
    long restrictedAt;
}
