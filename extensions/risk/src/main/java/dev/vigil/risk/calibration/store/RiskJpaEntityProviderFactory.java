package dev.vigil.risk.calibration.store;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * The risk extension's store ({@code vigil-risk}): its table, and the removal of a realm's calibration inside the
 * transaction that removes the realm.
 */
public class RiskJpaEntityProviderFactory implements JpaEntityProviderFactory, StatelessFactory<JpaEntityProvider> {

    public static final String ID = "vigil-risk";

    private static final RiskJpaEntityProvider PROVIDER = new RiskJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                CalibrationStore.of(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }

    @Override
    public String getId() {
        return ID;
    }
}
