package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code acr} and {@code vigil_risk} describe the authentication that produced the token, not an earlier one of
 * the same single sign-on session: a step-up is not inherited by a later password-only re-authentication, and a
 * cookie-only sign-in claims no risk assessment it did not make. Its {@code acr} is the level the session still holds
 * (Keycloak's level-of-authentication model: level 2 counts for its max age, an hour in the demo realm), which is
 * what lets a second site asking for level 2 sign in without a second code.
 */
@ExtendWith(VigilServerExtension.class)
class AcrIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String MILTON = "216.160.83.56";

    private OidcRelyingParty app;
    private Outbox outbox;
    private FreshUser user;
    private HttpSession browser;

    @BeforeEach
    void setUp(VigilServer server) {
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        outbox = new Outbox(server);
        user = FreshUser.in(new AdminApi(server), DemoRealm.REALM, "acr");
        browser = new HttpSession().from(MILTON);
    }

    /**
     * {@code prompt=login} forces the password form in the SSO session ({@code max_age=0} would too, but Keycloak
     * counts auth_time in whole seconds, so right after the first sign-in it lets the cookie through).
     */
    @Test
    void aPasswordOnlyReauthenticationInASteppedUpSessionGetsAcr1() {
        IDTokenClaimsSet steppedUp = steppedUpSignIn();

        Attempt again = app.begin();
        Page back = LoginJourney.signIn(browser, URI.create(again.authorizationUri() + "&prompt=login"),
                user.username(), user.password());

        assertThat(LoginJourney.isOtpPage(back)).as("remembered device: no code this time").isFalse();
        IDTokenClaimsSet reauthenticated = app.finish(again, back.location()).idToken();
        assertThat(reauthenticated.getSessionID()).as("same single sign-on session").isEqualTo(steppedUp.getSessionID());
        assertThat(reauthenticated.getACR().getValue()).isEqualTo("1");
        assertThat(reauthenticated.getStringClaim("vigil_risk")).isEqualTo("LOW");
    }

    @Test
    void aCookieOnlySignInClaimsTheLevelTheSessionHoldsAndNoRiskLevelItDidNotAssess() {
        steppedUpSignIn();

        Attempt sso = app.begin();
        Page back = browser.get(sso.authorizationUri());

        assertThat(back.isRedirect()).isTrue();
        assertThat(back.location().toString()).as("single sign-on, no page").startsWith(APP_CALLBACK.toString());
        IDTokenClaimsSet bySso = app.finish(sso, back.location()).idToken();
        assertThat(bySso.getACR().getValue()).as("level 2, reached within its max age").isEqualTo("2");
        assertThat(bySso.getClaim("vigil_risk")).isNull();
    }

    /** A new user's first sign-in: MEDIUM, stepped up to a one-time code, acr 2. */
    private IDTokenClaimsSet steppedUpSignIn() {
        Attempt attempt = app.begin();
        Page afterTerms = LoginJourney.signIn(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isOtpPage(afterTerms)).as("a first sign-in is stepped up").isTrue();
        Page back = LoginJourney.otpFromOutbox(browser, afterTerms, outbox, user.email());
        IDTokenClaimsSet idToken = app.finish(attempt, back.location()).idToken();
        assertThat(idToken.getACR().getValue()).isEqualTo("2");
        assertThat(idToken.getStringClaim("vigil_risk")).isEqualTo("MEDIUM");
        return idToken;
    }
}
