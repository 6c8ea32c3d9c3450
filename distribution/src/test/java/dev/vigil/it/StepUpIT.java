package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
 * A site asks for a stronger login with standard OIDC: {@code acr_values=2} (or an essential {@code acr} in the
 * {@code claims} parameter) gets the Vigil code even when the risk is LOW; a session that reached level 2 within
 * its max age is not asked again; {@code prompt=login} asks for everything again. Every user here signs in from a
 * remembered device, so the risk alone never asks for a code.
 */
@ExtendWith(VigilServerExtension.class)
class StepUpIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53683/callback");
    private static final String MILTON = "216.160.83.56";
    private static final String ESSENTIAL_ACR_2 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}";

    private OidcRelyingParty app;
    private Outbox outbox;
    private FreshUser user;
    private HttpSession laptop;

    @BeforeEach
    void aUserWhoseLoginsAreLowRisk(VigilServer server) {
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        outbox = new Outbox(server);
        user = FreshUser.in(new AdminApi(server), DemoRealm.REALM, "stepup");
        laptop = new HttpSession().from(MILTON);
        // A first sign-in is stepped up by the risk (few logins) and remembers the device; the next one is LOW.
        Attempt first = app.begin();
        app.finish(first, LoginJourney.signInCompletely(laptop, first.authorizationUri(), user, outbox).location());
        laptop.forgetSignIn();
    }

    @Test
    void withoutARequestALowRiskLoginIsPasswordOnlyAndGetsAcr1() {
        Attempt attempt = app.begin();
        Page afterPassword = LoginJourney.signIn(laptop, attempt.authorizationUri(), user.username(), user.password());

        assertThat(LoginJourney.isOtpPage(afterPassword)).isFalse();
        IDTokenClaimsSet idToken = app.finish(attempt, afterPassword.location()).idToken();
        assertThat(idToken.getACR().getValue()).isEqualTo("1");
        assertThat(idToken.getStringClaim("vigil_risk")).isEqualTo("LOW");
    }

    @Test
    void acrValues2AsksForTheCodeEvenWhenTheRiskIsLow() {
        IDTokenClaimsSet idToken = passwordAndCode(with(app.begin(), "acr_values=2"));

        assertThat(idToken.getACR().getValue()).isEqualTo("2");
        assertThat(idToken.getStringClaim("vigil_risk")).isEqualTo("LOW");
    }

    @Test
    void anEssentialAcrClaimAsksForTheCodeToo() {
        IDTokenClaimsSet idToken = passwordAndCode(with(app.begin(),
                "claims=" + URLEncoder.encode(ESSENTIAL_ACR_2, StandardCharsets.UTF_8)));

        assertThat(idToken.getACR().getValue()).isEqualTo("2");
    }

    @Test
    void aPasswordSessionAskedForLevel2GetsOnlyTheCode() {
        Attempt passwordOnly = app.begin();
        IDTokenClaimsSet first = app.finish(passwordOnly,
                LoginJourney.signIn(laptop, passwordOnly.authorizationUri(), user.username(), user.password()).location()).idToken();
        assertThat(first.getACR().getValue()).isEqualTo("1");

        Attempt stepUp = with(app.begin(), "acr_values=2");
        Page page = LoginJourney.deviceCheck(laptop, laptop.get(stepUp.authorizationUri()));

        assertThat(page.document().selectFirst(LoginJourney.LOGIN_FORM)).as("no password again").isNull();
        assertThat(LoginJourney.isOtpPage(page)).as("the code").isTrue();
        IDTokenClaimsSet steppedUp = app.finish(stepUp, LoginJourney.otpFromOutbox(laptop, page, outbox, user.email()).location()).idToken();
        assertThat(steppedUp.getACR().getValue()).isEqualTo("2");
        assertThat(steppedUp.getSessionID()).as("same single sign-on session").isEqualTo(first.getSessionID());
    }

    @Test
    void aSessionAtLevel2WithinItsMaxAgeIsNotAskedAgain() {
        IDTokenClaimsSet steppedUp = passwordAndCode(with(app.begin(), "acr_values=2"));

        Attempt again = with(app.begin(), "acr_values=2");
        Page back = laptop.get(again.authorizationUri());

        assertThat(back.isRedirect()).isTrue();
        assertThat(back.location().toString()).as("single sign-on, no page").startsWith(APP_CALLBACK.toString());
        IDTokenClaimsSet bySso = app.finish(again, back.location()).idToken();
        assertThat(bySso.getACR().getValue()).as("the level the session holds").isEqualTo("2");
        assertThat(bySso.getSessionID()).isEqualTo(steppedUp.getSessionID());
    }

    @Test
    void promptLoginAsksForThePasswordAndTheCodeAgain() {
        passwordAndCode(with(app.begin(), "acr_values=2"));

        IDTokenClaimsSet again = passwordAndCode(with(app.begin(), "acr_values=2&prompt=login"));

        assertThat(again.getACR().getValue()).isEqualTo("2");
    }

    @Test
    void theDiscoveryDocumentNamesVigilsLevels() {
        assertThat(app.provider().getACRs()).extracting(acr -> acr.getValue()).contains("1", "2");
    }

    /** Password (and the device check), then the code page must come: the code is typed, the tokens returned. */
    private IDTokenClaimsSet passwordAndCode(Attempt attempt) {
        Page afterPassword = LoginJourney.signIn(laptop, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isOtpPage(afterPassword)).as("the code is asked").isTrue();
        Page back = LoginJourney.otpFromOutbox(laptop, afterPassword, outbox, user.email());
        return app.finish(attempt, back.location()).idToken();
    }

    private static Attempt with(Attempt attempt, String parameters) {
        return new Attempt(URI.create(attempt.authorizationUri() + "&" + parameters), attempt.state(), attempt.nonce(),
                attempt.verifier());
    }
}
