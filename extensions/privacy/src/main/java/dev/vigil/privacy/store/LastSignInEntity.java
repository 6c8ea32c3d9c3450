package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * When a user last signed in: one timestamp per user, kept only in realms that flag inactive accounts,
 * and the only way to tell inactivity once the sign-in history itself has expired.
 */
@Entity
@Table(name = "VIGIL_LAST_SIGN_IN")
@IdClass(UserKey.class)
@NamedQueries({
        @NamedQuery(name = LastSignInEntity.DELETE_BY_USER,
                query = "delete from LastSignInEntity l where l.realmId = :realmId and l.userId = :userId"),
        @NamedQuery(name = LastSignInEntity.DELETE_BY_REALM,
                query = "delete from LastSignInEntity l where l.realmId = :realmId"),
        // A user who never signed in counts from their creation; service accounts never sign in.
        @NamedQuery(name = LastSignInEntity.INACTIVE_USER_IDS,
                query = "select u.id from UserEntity u where u.realmId = :realmId and u.serviceAccountClientLink is null"
                        + " and coalesce((select l.at from LastSignInEntity l where l.realmId = u.realmId and l.userId = u.id),"
                        + " u.createdTimestamp) < :cutoff order by u.id")
})
public class LastSignInEntity {

    static final String DELETE_BY_USER = "vigilLastSignIn.deleteByUser";
    static final String DELETE_BY_REALM = "vigilLastSignIn.deleteByRealm";
    static final String INACTIVE_USER_IDS = "vigilLastSignIn.inactiveUserIds";

    @Id
    @Column(name = "REALM_ID", length = 36)
    String realmId;
    @Id
    @Column(name = "USER_ID", length = 36)
    String userId;
    /** Epoch milliseconds. */
    @Column(name = "AT", nullable = false)
    long at;
}
