package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.PasswordGrant;
import dev.vigil.it.support.PasswordGrant.Answer;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The password grant (direct access grants) of the demo realm: no page can be shown there, so only a LOW login
 * of a user who accepted the current terms gets tokens; anything else is refused, with the reason in the event.
 */
@ExtendWith(VigilServerExtension.class)
class PasswordGrantIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String MILTON = "216.160.83.56";
    private static final String CHANGCHUN = "175.16.199.10";
    /** A Tor exit, and nothing else, in MaxMind's Anonymous-IP test database. */
    private static final String TOR_EXIT = "65.0.0.1";

    private VigilServer server;
    private AdminApi admin;
    private LoginEvents events;
    private FreshUser user;
    private PasswordGrant grant;

    @BeforeEach
    void setUp(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        events = new LoginEvents(admin, DemoRealm.REALM);
        user = FreshUser.in(admin, DemoRealm.REALM, "grant");
        grant = PasswordGrant.client(admin, server, DemoRealm.REALM);
    }

    @AfterEach
    void deleteClient() {
        grant.close();
    }

    @Test
    void aUserWhoNeverAcceptedTheTermsIsRefusedAndTheEventSaysWhy() {
        Answer answer = grant.request(MILTON, user.username(), user.password());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_grant");
        assertThat(answer.body().has("access_token")).isFalse();
        JsonNode refused = events.withError(user, "LOGIN_ERROR", "vigil_consent_required");
        assertThat(refused.path("details").path("vigil_terms_version").asText()).isEqualTo("2026-11-22");
    }

    @Test
    void aLowRiskLoginWithACurrentConsentGetsTokensThatCarryTheLevel() throws Exception {
        signInWithTheBrowserFrom(MILTON);
        lenientScoring(() -> {
            Answer answer = grant.request(MILTON, user.username(), user.password());

            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
            assertThat(answer.accessTokenClaims().path("vigil_risk").asText()).isEqualTo("LOW");
            assertThat(events.latest(user, "LOGIN").path("details").path("vigil_risk_level").asText()).isEqualTo("LOW");
        });
    }

    @Test
    void aTorExitIsRefusedEvenWithConsentAndTheEventCarriesLevelAndReasons() throws Exception {
        signInWithTheBrowserFrom(MILTON);
        lenientScoring(() -> {
            Answer answer = grant.request(TOR_EXIT, user.username(), user.password());

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.error()).isEqualTo("invalid_grant");
            JsonNode refused = events.withError(user, "LOGIN_ERROR", "vigil_risk_denied");
            assertThat(refused.path("details").path("vigil_risk_level").asText()).isIn("MEDIUM", "HIGH");
            assertThat(refused.path("details").path("vigil_risk_reasons").asText()).contains("tor");
        });
    }

    @Test
    void anotherContinentMomentsLaterIsRefused() {
        signInWithTheBrowserFrom(MILTON);

        Answer answer = grant.request(CHANGCHUN, user.username(), user.password());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().has("access_token")).isFalse();
        JsonNode refused = events.withError(user, "LOGIN_ERROR", "vigil_risk_denied");
        assertThat(refused.path("details").path("vigil_risk_reasons").asText()).contains("impossible-travel");
    }

    /** A whole browser login: the terms accepted, a first sign-in in the history. */
    private void signInWithTheBrowserFrom(String address) {
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                APP_CALLBACK);
        var back = LoginJourney.signInCompletely(new HttpSession().from(address), app.begin().authorizationUri(), user,
                new Outbox(server));
        assertThat(back.isRedirect()).as("signed in with the browser").isTrue();
    }

    /** Scores so lenient that only the rules (Tor, impossible travel) can raise a login above LOW. */
    private void lenientScoring(StepSettings.ThrowingRunnable body) throws Exception {
        StepSettings.risk(admin, DemoRealm.REALM).with(config -> config.put("minPriorLogins", "0")
                .put("mediumThreshold", "1.0E12").put("highThreshold", "1.0E12"), body);
    }
}
