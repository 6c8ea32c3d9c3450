package dev.vigil.risk.history;

import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Global (every realm): a realm that scores logins must not depend on an admin also enabling a listener. */
public class SignInRecorderFactory implements EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

    public static final String ID = "vigil-risk-history";

    private final Clock clock = Clock.systemUTC();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SignInRecorder(session, clock);
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
