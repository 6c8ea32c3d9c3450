package dev.vigil.privacy.store;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Declares Vigil's privacy tables to Keycloak's JPA layer; Liquibase creates them on H2 and PostgreSQL alike. */
public class PrivacyJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/vigil-privacy/changelog-master.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ConsentRecordEntity.class, DeviceEntity.class, SignInEntity.class, RealmKeyEntity.class,
                RestrictionEntity.class, LastSignInEntity.class, PopulationCountEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return PrivacyJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
