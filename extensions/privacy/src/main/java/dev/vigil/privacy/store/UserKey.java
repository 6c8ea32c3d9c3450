package dev.vigil.privacy.store;

import java.io.Serializable;
import java.util.Objects;

/** Composite key (realm, user) of per-user rows. */
public class UserKey implements Serializable {

    String realmId;
    String userId;

    public UserKey() {
    }

    UserKey(String realmId, String userId) {
        this.realmId = realmId;
        this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserKey key && Objects.equals(realmId, key.realmId) && Objects.equals(userId, key.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realmId, userId);
    }
}
