package dev.vigil.risk.calibration;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Global (every realm): the thresholds tab must not depend on an admin enabling a listener. */
public class ThresholdsTabRefreshFactory implements EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

    public static final String ID = "vigil-risk-thresholds-tab";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ThresholdsTabRefresh(session);
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
