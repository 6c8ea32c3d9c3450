package dev.vigil.privacy.consent;

import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.privacy.store.ConsentStore;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * "Vigil consent: current terms after any sign-in". Enable it (Authentication, Required actions) in every realm that
 * uses the Vigil consent step: it covers the sign-ins that skip the step, single sign-on first of all.
 */
public class ConsentCheckFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    public static final String ID = "vigil-consent-check";

    private final Clock clock = Clock.systemUTC();
    private final ConsentCheck check = new ConsentCheck(session -> ConsentStore.of(session, clock));

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return check;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Vigil consent: current terms after any sign-in";
    }
}
