package dev.vigil.risk.calibration.store;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Declares the risk extension's table to Keycloak's JPA layer; Liquibase creates it on H2 and PostgreSQL alike. */
public class RiskJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/vigil-risk/changelog-master.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(CalibrationEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return RiskJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
