package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A realm's secret for keyed hashes (HMAC-SHA256). Rotating it makes every stored hash unlinkable to
 * new observations: the history then counts as unseen, which is the point of rotating.
 */
@Entity
@Table(name = "VIGIL_REALM_KEY")
public class RealmKeyEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    String realmId;
    /** Base64 of 32 random bytes. */
    @Column(name = "SECRET", length = 64, nullable = false)
    String secret;
    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;
}
