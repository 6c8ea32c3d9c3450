package dev.vigil.privacy.store;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Erases Vigil's rows about a user or realm inside the transaction that removes it: the delete
 * commits or rolls back with the removal, so no event can be lost between the two.
 */
class PrivacyErasureListener implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            EntityManager em = entityManager(removed.getKeycloakSession());
            for (String query : PER_USER_DELETES) {
                em.createNamedQuery(query)
                        .setParameter("realmId", removed.getRealm().getId())
                        .setParameter("userId", removed.getUser().getId())
                        .executeUpdate();
            }
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            EntityManager em = entityManager(removed.getKeycloakSession());
            for (String query : PER_REALM_DELETES) {
                em.createNamedQuery(query).setParameter("realmId", removed.getRealm().getId()).executeUpdate();
            }
            RealmKeyEntity key = em.find(RealmKeyEntity.class, removed.getRealm().getId());
            if (key != null) {
                em.remove(key);
            }
        }
    }

    /** Every per-user table: a table added to the store must be added here (PrivacyStoreIT checks all VIGIL_* tables). */
    private static final List<String> PER_USER_DELETES = List.of(SignInEntity.DELETE_BY_USER, DeviceEntity.DELETE_BY_USER,
            RestrictionEntity.DELETE_BY_USER, ConsentRecordEntity.DELETE_BY_USER, LastSignInEntity.DELETE_BY_USER);
    private static final List<String> PER_REALM_DELETES = List.of(SignInEntity.DELETE_BY_REALM, DeviceEntity.DELETE_BY_REALM,
            RestrictionEntity.DELETE_BY_REALM, ConsentRecordEntity.DELETE_BY_REALM, LastSignInEntity.DELETE_BY_REALM,
            PopulationCountEntity.DELETE_BY_REALM);

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
