package dev.vigil.privacy.store;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Vigil's privacy store ({@code vigil-privacy}): its tables, and the erasure of a user's rows
 * whenever Keycloak removes that user or realm, however the removal was asked for.
 */
public class PrivacyJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "vigil-privacy";

    private static final PrivacyJpaEntityProvider PROVIDER = new PrivacyJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new PrivacyErasureListener());
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
