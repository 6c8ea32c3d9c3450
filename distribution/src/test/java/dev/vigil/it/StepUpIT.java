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
    private static final String ESSENTIAL_ACR_2 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}";

    private LowRiskLaptop fixture;
    private OidcRelyingParty app;
    private Outbox outbox;
    private FreshUser user;
    private HttpSession laptop;

    @BeforeEach
    void aUserWhoseLoginsAreLowRisk(VigilServer server) {
        fixture = LowRiskLaptop.signedInOnce(server, new AdminApi(server), APP_CALLBACK, "stepup");
        app = fixture.app();
        outbox = fixture.outbox();
        user = fixture.user();
        laptop = fixture.laptop();
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
        IDTokenClaimsSet idToken = fixture.passwordAndCode(app.begin().with("acr_values=2"));

        assertThat(idToken.getACR().getValue()).isEqualTo("2");
        assertThat(idToken.getStringClaim("vigil_risk")).isEqualTo("LOW");
    }

    @Test
    void anEssentialAcrClaimAsksForTheCodeToo() {
        IDTokenClaimsSet idToken = fixture.passwordAndCode(app.begin().with(
                "claims=" + URLEncoder.encode(ESSENTIAL_ACR_2, StandardCharsets.UTF_8)));

        assertThat(idToken.getACR().getValue()).isEqualTo("2");
    }

    @Test
    void aPasswordSessionAskedForLevel2GetsOnlyTheCode() {
        Attempt passwordOnly = app.begin();
        IDTokenClaimsSet first = app.finish(passwordOnly,
                LoginJourney.signIn(laptop, passwordOnly.authorizationUri(), user.username(), user.password()).location()).idToken();
        assertThat(first.getACR().getValue()).isEqualTo("1");

        Attempt stepUp = app.begin().with("acr_values=2");
        Page page = LoginJourney.deviceCheck(laptop, laptop.get(stepUp.authorizationUri()));

        assertThat(page.document().selectFirst(LoginJourney.LOGIN_FORM)).as("no password again").isNull();
        assertThat(LoginJourney.isOtpPage(page)).as("the code").isTrue();
        IDTokenClaimsSet steppedUp = app.finish(stepUp, LoginJourney.otpFromOutbox(laptop, page, outbox, user.email()).location()).idToken();
        assertThat(steppedUp.getACR().getValue()).isEqualTo("2");
        assertThat(steppedUp.getSessionID()).as("same single sign-on session").isEqualTo(first.getSessionID());
    }

    @Test
    void aSessionAtLevel2WithinItsMaxAgeIsNotAskedAgain() {
        IDTokenClaimsSet steppedUp = fixture.passwordAndCode(app.begin().with("acr_values=2"));

        Attempt again = app.begin().with("acr_values=2");
        Page back = laptop.get(again.authorizationUri());

        assertThat(back.isRedirect()).isTrue();
        assertThat(back.location().toString()).as("single sign-on, no page").startsWith(APP_CALLBACK.toString());
        IDTokenClaimsSet bySso = app.finish(again, back.location()).idToken();
        assertThat(bySso.getACR().getValue()).as("the level the session holds").isEqualTo("2");
        assertThat(bySso.getSessionID()).isEqualTo(steppedUp.getSessionID());
    }

    @Test
    void promptLoginAsksForThePasswordAndTheCodeAgain() {
        fixture.passwordAndCode(app.begin().with("acr_values=2"));

        IDTokenClaimsSet again = fixture.passwordAndCode(app.begin().with("acr_values=2&prompt=login"));

        assertThat(again.getACR().getValue()).isEqualTo("2");
    }

    @Test
    void theDiscoveryDocumentNamesVigilsLevels() {
        assertThat(app.provider().getACRs()).extracting(acr -> acr.getValue()).contains("1", "2");
    }
}
