package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.UpstreamProvider;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in through an identity provider (another realm of the same server, over OpenID Connect) into the demo
 * realm: the first broker login, which creates the account, and a later one both pass the terms, the risk
 * evaluation and, when the level asks, the second factor.
 */
@ExtendWith(VigilServerExtension.class)
class BrokerLoginIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String POST_LOGIN_FLOW = "vigil post broker login";
    private static final String MILTON = "216.160.83.56";
    private static final String CHANGCHUN = "175.16.199.10";

    private VigilServer server;
    private AdminApi admin;
    private OidcRelyingParty app;
    private Outbox outbox;
    private UpstreamProvider upstream;
    private FreshUser user;

    @BeforeEach
    void setUp(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        outbox = new Outbox(server);
        upstream = UpstreamProvider.of(admin, server, DemoRealm.REALM, POST_LOGIN_FLOW);
        user = upstream.user("brokered");
    }

    @AfterEach
    void removeProvider() {
        upstream.close();
    }

    @Test
    void theFirstBrokerLoginAndALaterOnePassTheTermsTheRiskEvaluationAndTheCode() {
        HttpSession browser = new HttpSession().from(MILTON);

        Attempt first = app.begin();
        Page afterProvider = throughTheProvider(browser, first);
        assertThat(LoginJourney.isConsentPage(afterProvider)).as("the terms, after the provider").isTrue();
        Page stepUp = LoginJourney.deviceCheck(browser, LoginJourney.accept(browser, afterProvider));
        assertThat(LoginJourney.isOtpPage(stepUp)).as("a new account is stepped up").isTrue();
        Page back = untilTheApp(browser, LoginJourney.otpFromOutbox(browser, stepUp, outbox, user.email()));
        assertThat(app.finish(first, back.location()).idToken().getStringClaim("vigil_risk")).isEqualTo("MEDIUM");

        browser.forgetSignIn().from(CHANGCHUN);
        Attempt later = app.begin();
        Page fromChina = LoginJourney.deviceCheck(browser, throughTheProvider(browser, later));
        if (LoginJourney.isOtpPage(fromChina)) {
            Page backAgain = untilTheApp(browser, LoginJourney.otpFromOutbox(browser, fromChina, outbox, user.email()));
            assertThat(app.finish(later, backAgain.location()).idToken().getStringClaim("vigil_risk"))
                    .as("Changchun moments after Milton, stepped up").isIn("MEDIUM", "HIGH");
        } else {
            assertThat(fromChina.status()).as("Changchun moments after Milton, refused").isEqualTo(403);
            assertThat(brokeredUserEvent("LOGIN_ERROR").path("error").asText()).isEqualTo("vigil_risk_denied");
        }
        assertThat(brokeredUserEvent("LOGIN").path("details").path("identity_provider").asText()).isEqualTo(upstream.alias());
    }

    /** From the demo realm's login page through the provider's button and login form, back to the demo realm. */
    private Page throughTheProvider(HttpSession browser, Attempt attempt) {
        Page login = browser.getFollowingRedirects(attempt.authorizationUri());
        URI button = URI.create(login.document().selectFirst("a#social-" + upstream.alias()).absUrl("href"));
        Page providerLogin = browser.getFollowingRedirects(button);
        if (providerLogin.document().selectFirst(LoginJourney.LOGIN_FORM) == null) {
            return providerLogin; // still signed in at the provider
        }
        return untilTheApp(browser, browser.submit(providerLogin, LoginJourney.LOGIN_FORM,
                Map.of("username", user.username(), "password", user.password())));
    }

    /** Follows the servers' own redirects (the broker's endpoints), stopping at a page or at the way back to the app. */
    private static Page untilTheApp(HttpSession browser, Page page) {
        Page current = page;
        while (current.isRedirect() && !current.location().toString().startsWith(APP_CALLBACK.toString())) {
            current = browser.get(current.location());
        }
        return current;
    }

    private JsonNode brokeredUserEvent(String type) {
        JsonNode users = admin.get("/realms/" + DemoRealm.REALM + "/users?exact=true&username=" + user.username());
        assertThat(users).as("the account the first broker login created").hasSize(1);
        JsonNode events = admin.get("/realms/" + DemoRealm.REALM + "/events?user=" + users.get(0).path("id").asText()
                + "&type=" + type + "&max=1");
        assertThat(events).as("a %s event of the brokered user", type).isNotEmpty();
        return events.get(0);
    }
}
