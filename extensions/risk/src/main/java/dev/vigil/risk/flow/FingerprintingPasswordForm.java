package dev.vigil.risk.flow;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's username and password form, whose page also carries Vigil's fingerprint collector when the browser shows
 * a remembered-device cookie of the realm (see {@link LoginFormFingerprint}); everything else is Keycloak's form.
 * The script is added just before the page is rendered, to the session's login-forms provider, which Keycloak's form
 * then renders: every {@code context.form()} of a request is that one provider, as Keycloak's own passkey fields on
 * this page rely on.
 */
final class FingerprintingPasswordForm extends UsernamePasswordForm {

    private final Clock clock;

    FingerprintingPasswordForm(KeycloakSession session, Clock clock) {
        super(session);
        this.clock = clock;
    }

    /** The page, first shown. */
    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        offerCollector(context);
        return super.challenge(context, formData);
    }

    /** The page again, after a wrong password or an unknown user. */
    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        offerCollector(context);
        return super.challenge(context, error, field);
    }

    private void offerCollector(AuthenticationFlowContext context) {
        LoginFormFingerprint.offerCollector(context.getSession(), context.getRealm(), context.form(), clock.instant());
    }
}
