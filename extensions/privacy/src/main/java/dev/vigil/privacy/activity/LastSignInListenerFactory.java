package dev.vigil.privacy.activity;

import java.time.Clock;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Global (every realm, no per-realm enabling to forget): inactive accounts depend on seeing every login. */
public class LastSignInListenerFactory implements EventListenerProviderFactory {

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

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
