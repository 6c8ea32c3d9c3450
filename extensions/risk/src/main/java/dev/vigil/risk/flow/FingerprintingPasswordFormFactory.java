package dev.vigil.risk.flow;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes the place of Keycloak's "Username Password Form" in every flow: same id, higher order (Keycloak keeps the
 * factory of highest order per id), same name, settings and behaviour, plus the fingerprint collector on its page
 * for a browser that shows it belongs to a consenting user. Flows need no change, and username-first forms keep
 * the device-check page.
 */
public class FingerprintingPasswordFormFactory extends UsernamePasswordFormFactory {

    private final Clock clock = Clock.systemUTC();

    @Override
    public Authenticator create(KeycloakSession session) {
        return new FingerprintingPasswordForm(session, clock);
    }

    @Override
    public int order() {
        return super.order() + 1;
    }
}
