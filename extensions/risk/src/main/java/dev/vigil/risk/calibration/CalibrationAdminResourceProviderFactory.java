package dev.vigil.risk.calibration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.vigil.api.schedule.ClusterInterval;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Mounts {@link CalibrationAdminResource} at {@code /admin/realms/{realm}/vigil-risk} on Keycloak's admin API (which
 * authenticates the administrator and hands over their permissions and the admin event builder), and schedules the
 * recomputation ({@code spi-admin-realm-restapi-extension--vigil-risk--calibration-interval-minutes}, default a day).
 */
public class CalibrationAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "vigil-risk";

    static final String INTERVAL_MINUTES = "calibration-interval-minutes";
    static final int DEFAULT_INTERVAL_MINUTES = 24 * 60;

    private final Clock clock = Clock.systemUTC();
    private Duration interval;
    private Recalibration recalibration;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession requestSession, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                return new CalibrationAdminResource(requestSession, realm, auth, adminEvent, recalibration);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        interval = Duration.ofMinutes(config.getInt(INTERVAL_MINUTES, DEFAULT_INTERVAL_MINUTES));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        recalibration = new Recalibration(factory, clock);
        CalibrationTask task = new CalibrationTask(clock, new ClusterInterval(CalibrationTask.NAME, interval), recalibration);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class).schedule(
                new ClusterAwareScheduledTaskRunner(factory, task, interval.toMillis()), interval.toMillis()));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(INTERVAL_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_INTERVAL_MINUTES)
                .helpText("Minutes between two recomputations of the realms' calibrated risk thresholds (once per cluster).")
                .add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
