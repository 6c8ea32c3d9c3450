package dev.vigil.risk.calibration;

import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Global (every realm): the thresholds tab must not depend on an admin enabling a listener. A realm gets its tab when
 * it is created or imported, so that the console says from the start which thresholds it uses.
 */
public class ThresholdsTabRefreshFactory implements EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

    public static final String ID = "vigil-risk-thresholds-tab";

    private Recalibration recalibration;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ThresholdsTabRefresh(session, recalibration);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        recalibration = new Recalibration(factory, Clock.systemUTC());
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ThresholdsTab.create(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return ID;
    }
}
