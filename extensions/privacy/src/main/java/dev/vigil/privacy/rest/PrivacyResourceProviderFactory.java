package dev.vigil.privacy.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.vigil.api.schedule.ClusterInterval;
import dev.vigil.privacy.events.EventExpirationDefaults;
import dev.vigil.privacy.retention.RetentionTask;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Mounts {@link PrivacyResource} at {@code /realms/{realm}/vigil-privacy}, schedules the retention task
 * ({@code ...--retention-interval-minutes}), and gives every new realm Vigil's event expirations ({@code spi-realm-restapi-extension--vigil-privacy--login-events-expiration-days},
 * {@code ...--admin-events-expiration-days}).
 */
public class PrivacyResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "vigil-privacy";

    static final String LOGIN_EVENTS_DAYS = "login-events-expiration-days";
    static final String ADMIN_EVENTS_DAYS = "admin-events-expiration-days";
    static final int DEFAULT_LOGIN_EVENTS_DAYS = 30;
    static final int DEFAULT_ADMIN_EVENTS_DAYS = 90;
    static final String RETENTION_INTERVAL_MINUTES = "retention-interval-minutes";
    static final int DEFAULT_RETENTION_INTERVAL_MINUTES = 60;

    private final Clock clock = Clock.systemUTC();
    private EventExpirationDefaults eventExpirations;
    private Duration retentionInterval;

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
        retentionInterval = Duration.ofMinutes(config.getInt(RETENTION_INTERVAL_MINUTES, DEFAULT_RETENTION_INTERVAL_MINUTES));
        eventExpirations = new EventExpirationDefaults(
                Duration.ofDays(config.getInt(LOGIN_EVENTS_DAYS, DEFAULT_LOGIN_EVENTS_DAYS)),
                Duration.ofDays(config.getInt(ADMIN_EVENTS_DAYS, DEFAULT_ADMIN_EVENTS_DAYS)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(eventExpirations);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class).schedule(
                new ClusterAwareScheduledTaskRunner(factory, new RetentionTask(clock, new ClusterInterval(RetentionTask.NAME, retentionInterval)),
                        retentionInterval.toMillis()),
                retentionInterval.toMillis()));
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
                .property().name(RETENTION_INTERVAL_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_RETENTION_INTERVAL_MINUTES)
                .helpText("Minutes between two retention runs (once per cluster).").add()
                .build();
    }

    @Override
    public void close() {
    }
}
