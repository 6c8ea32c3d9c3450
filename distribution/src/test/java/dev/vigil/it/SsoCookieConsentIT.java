package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sign-in through the single sign-on cookie skips the password form and the steps after it; when the realm
 * publishes a new terms version, that sign-in must still be held at the terms.
 */
@ExtendWith(VigilServerExtension.class)
class SsoCookieConsentIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String MILTON = "216.160.83.56";
    private static final String NEW_TERMS = "2027-02-01";

    private VigilServer server;
    private AdminApi admin;
    private OidcRelyingParty app;
    private FreshUser user;
    private HttpSession browser;

    @BeforeEach
    void signedIn(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        user = FreshUser.in(admin, DemoRealm.REALM, "sso-terms");
        browser = new HttpSession().from(MILTON);
        Page back = LoginJourney.signInCompletely(browser, app.begin().authorizationUri(), user, new Outbox(server));
        assertThat(back.isRedirect()).as("signed in, with an SSO cookie").isTrue();
    }

    @Test
    void aNewTermsVersionHoldsACookieSignInAtTheTermsUntilAccepted() throws Exception {
        newTerms(() -> {
            Attempt attempt = app.begin();
            Page terms = untilTheApp(browser.get(attempt.authorizationUri()));

            assertThat(LoginJourney.isConsentPage(terms)).as("held at the new terms").isTrue();
            assertThat(terms.document().select("#vigil-terms-version").text()).isEqualTo("Terms version " + NEW_TERMS);

            Page back = LoginJourney.accept(browser, terms);
            assertThat(back.location().toString()).startsWith(APP_CALLBACK.toString()).contains("code=");
            assertThat(app.finish(attempt, back.location()).idToken().getACR().getValue())
                    .as("a cookie sign-in claims the level the session holds: 2, reached within its max age").isEqualTo("2");
            assertThat(new VigilTables(server).query(
                    "select TERMS_VERSION from VIGIL_CONSENT where USER_ID = ? order by ACCEPTED_AT", user.id()))
                    .extracting(row -> row.get("TERMS_VERSION")).containsExactly("2026-11-22", NEW_TERMS);
        });
    }

    @Test
    void refusingTheNewTermsGivesTheAppNoCodeAndTheNextCookieSignInAsksAgain() throws Exception {
        newTerms(() -> {
            Page terms = untilTheApp(browser.get(app.begin().authorizationUri()));

            Page refused = LoginJourney.refuse(browser, terms);

            String answer = refused.isRedirect() ? refused.location().toString() : refused.body();
            assertThat(answer).doesNotContain("code=");
            assertThat(LoginJourney.isConsentPage(untilTheApp(browser.get(app.begin().authorizationUri())))).isTrue();
        });
    }

    /** Follows the server's own redirects, stopping at a page or at the redirect back to the app. */
    private Page untilTheApp(Page page) {
        Page current = page;
        while (current.isRedirect() && !current.location().toString().startsWith(APP_CALLBACK.toString())) {
            current = browser.get(current.location());
        }
        return current;
    }

    private void newTerms(StepSettings.ThrowingRunnable body) throws Exception {
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("termsVersion", NEW_TERMS), body);
    }
}
