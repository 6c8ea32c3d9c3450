package dev.vigil.privacy.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.vigil.privacy.events.EventExpirationDefaults;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts {@link PrivacyResource} at {@code /realms/{realm}/vigil-privacy}, and gives every new realm
 * Vigil's event expirations ({@code spi-realm-restapi-extension--vigil-privacy--login-events-expiration-days},
 * {@code ...--admin-events-expiration-days}).
 */
public class PrivacyResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "vigil-privacy";

    static final String LOGIN_EVENTS_DAYS = "login-events-expiration-days";
    static final String ADMIN_EVENTS_DAYS = "admin-events-expiration-days";
    static final int DEFAULT_LOGIN_EVENTS_DAYS = 30;
    static final int DEFAULT_ADMIN_EVENTS_DAYS = 90;

    private final Clock clock = Clock.systemUTC();
    private EventExpirationDefaults eventExpirations;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PrivacyResource(session, clock);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        eventExpirations = new EventExpirationDefaults(
                Duration.ofDays(config.getInt(LOGIN_EVENTS_DAYS, DEFAULT_LOGIN_EVENTS_DAYS)),
                Duration.ofDays(config.getInt(ADMIN_EVENTS_DAYS, DEFAULT_ADMIN_EVENTS_DAYS)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(eventExpirations);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(LOGIN_EVENTS_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_LOGIN_EVENTS_DAYS)
                .helpText("Days a new realm keeps login events (Keycloak's default: forever).").add()
                .property().name(ADMIN_EVENTS_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_ADMIN_EVENTS_DAYS)
                .helpText("Days a new realm keeps admin events (Keycloak's default: forever).").add()
                .build();
    }

    @Override
    public void close() {
    }
}
