package dev.vigil.privacy.activity;

import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Global (every realm, no per-realm enabling to forget): inactive accounts depend on seeing every login. */
public class LastSignInListenerFactory implements EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

    public static final String ID = "vigil-last-sign-in";

    private final Clock clock = Clock.systemUTC();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new LastSignInListener(session, clock);
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
