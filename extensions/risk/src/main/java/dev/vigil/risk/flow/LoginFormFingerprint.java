package dev.vigil.risk.flow;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.vigil.api.flow.CurrentTermsNote;
import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.risk.signal.FingerprintSignal;
import dev.vigil.risk.signal.RememberedDevices;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.theme.Theme;

/**
 * The fingerprint riding on the password form, which spares a returning browser the device-check round trip. The
 * login page carries the collector script only for a browser that shows a genuine remembered-device cookie of the
 * realm (set only ever after consent), never before; the risk step takes the posted hash only when, in the same
 * request, the consent gate has seen the user's consent to the current terms, and only when it is well-formed.
 * Anything else (no script run, no cookie, new terms, a username-first form, a bad value) falls back to the
 * device-check page.
 */
final class LoginFormFingerprint {

    /** The login form's field, added by the collector script; the device-check page's own is {@code fingerprint}. */
    static final String FIELD = "vigil-fingerprint";
    /** The collector, in the extension's theme resources, so it is served under any login theme. */
    static final String SCRIPT = "js/vigil-device-check.js";

    private LoginFormFingerprint() {
    }

    /** Adds the collector script to the login page when the realm collects fingerprints and the browser shows its cookie. */
    static void offerCollector(KeycloakSession session, RealmModel realm, LoginFormsProvider form, Instant now) {
        // The cookie first: most pages (other realms, new browsers) stop at a cookie look-up.
        if (new RememberedDevices(session, realm).carriedForRealm(now)
                && session.getProvider(SignInHistoryProvider.class).collects(realm, Feature.FINGERPRINT)) {
            scriptUrl(session).ifPresent(form::addScript);
        }
    }

    /** The hash the current request's form carries, when the user's consent is current and the value well-formed. */
    static Optional<String> carried(AuthenticationFlowContext context) {
        if (!"POST".equals(context.getHttpRequest().getHttpMethod())
                || !CurrentTermsNote.holds(context.getAuthenticationSession(), context.getUser())) {
            return Optional.empty();
        }
        return wellFormed(context.getHttpRequest().getDecodedFormParameters().get(FIELD));
    }

    /** Exactly one value, a SHA-256 in base64url as the script sends it; anything else is not used. */
    static Optional<String> wellFormed(List<String> values) {
        return values != null && values.size() == 1 && FingerprintSignal.isWellFormed(values.get(0))
                ? Optional.of(values.get(0))
                : Optional.empty();
    }

    /**
     * The script under the realm's login theme, as the theme's own {@code url.resourcesPath} names it; none when the
     * theme cannot be read (Keycloak then fails the page itself; the device-check page would serve anyway).
     */
    private static Optional<String> scriptUrl(KeycloakSession session) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            return Optional.of(Urls.themeRoot(session.getContext().getUri().getBaseUri()).getPath()
                    + "/login/" + theme.getName() + "/" + SCRIPT);
        } catch (IOException unreadableTheme) {
            return Optional.empty();
        }
    }
}
