package dev.vigil.privacy.store;

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
            entityManager(removed.getKeycloakSession())
                    .createNamedQuery(ConsentRecordEntity.DELETE_BY_USER)
                    .setParameter("realmId", removed.getRealm().getId())
                    .setParameter("userId", removed.getUser().getId())
                    .executeUpdate();
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            entityManager(removed.getKeycloakSession())
                    .createNamedQuery(ConsentRecordEntity.DELETE_BY_REALM)
                    .setParameter("realmId", removed.getRealm().getId())
                    .executeUpdate();
        }
    }

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
