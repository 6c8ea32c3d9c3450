package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.PrivacyAdminApi;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A returning browser (it carries Vigil's remembered-device cookie, set only ever after consent) gets the fingerprint
 * collector on the login page, and its fingerprint rides on the password form: after the login page, one POST and
 * the user is back at the site, no device-check page. The form driver plays the collector script: it posts the field
 * only when the page includes the script. Without the cookie, with a bad value, or for a user whose consent is not
 * current, the device-check page comes as before, and what the login form carried is not used.
 */
@ExtendWith(VigilServerExtension.class)
class KnownDeviceOnePostIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53683/callback");
    private static final String HOME = "89.160.20.116";
    private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0";
    private static final String COLLECTOR = "script[src$=/js/vigil-device-check.js]";
    private static final String FIELD = "vigil-fingerprint";

    private AdminApi admin;
    private LoginEvents events;
    private Outbox outbox;
    private FreshUser user;
    private OidcRelyingParty app;
    private HttpSession laptop;

    @BeforeEach
    void aUserWhoSignedInThreeTimesFromTheirLaptop(VigilServer server) {
        admin = new AdminApi(server);
        events = new LoginEvents(admin, DemoRealm.REALM);
        LowRiskLaptop fixture = LowRiskLaptop.signedInThreeTimesAtHome(server, admin, APP_CALLBACK, "one-post",
                new HttpSession().from(HOME).header("User-Agent", FIREFOX_ON_LINUX));
        outbox = fixture.outbox();
        user = fixture.user();
        app = fixture.app();
        laptop = fixture.laptop();
    }

    @Test
    void theBrowserWithItsCookieSignsInWithOnePostAfterTheLoginPage() {
        Page login = loginPage(laptop);
        assertThat(offersCollector(login)).as("the login page carries the collector").isTrue();

        Page afterPassword = laptop.submit(login, LoginJourney.LOGIN_FORM, passwordWith(laptop.fingerprint()));

        assertThat(afterPassword.isRedirect()).as("no device-check page, no other page: %s", afterPassword.status()).isTrue();
        assertThat(afterPassword.location().toString()).startsWith(APP_CALLBACK.toString()).contains("code=");
        JsonNode signedIn = events.latest(user, "LOGIN");
        assertThat(signedIn.path("details").path("vigil_risk_level").asText()).isEqualTo("LOW");
        assertThat(LoginEvents.riskReasons(signedIn)).contains("remembered-device").doesNotContain("new-fingerprint");
    }

    @Test
    void theFingerprintTheLoginFormCarriedIsTheOneScored() {
        Page login = loginPage(laptop);
        assertThat(offersCollector(login)).as("the login page carries the collector").isTrue();

        Page afterPassword = laptop.submit(login, LoginJourney.LOGIN_FORM, passwordWith(new HttpSession().fingerprint()));

        assertThat(LoginJourney.isDeviceCheckPage(afterPassword)).as("no device-check page").isFalse();
        Page end = LoginJourney.complete(laptop, afterPassword, outbox, user);
        assertThat(end.isRedirect()).isTrue();
        assertThat(LoginEvents.riskReasons(events.latest(user, "LOGIN"))).contains("new-fingerprint");
    }

    @Test
    void aCookieDamagedBetweenTheLoginPageAndThePostIsNotTakenForTheOneThePageSaw() {
        Page login = loginPage(laptop);
        assertThat(offersCollector(login)).as("the login page saw a genuine cookie").isTrue();
        laptop.alterCookie("VIGIL_DEVICE", KnownDeviceOnePostIT::damagedSignature);

        Page afterPassword = laptop.submit(login, LoginJourney.LOGIN_FORM, passwordWith(laptop.fingerprint()));
        Page end = LoginJourney.complete(laptop, afterPassword, outbox, user);

        assertThat(end.isRedirect()).isTrue();
        assertThat(LoginEvents.riskReasons(events.latest(user, "LOGIN"))).doesNotContain("remembered-device");
    }

    @Test
    void theSameDeviceWithoutTheCookieGetsNoCollectorAndTheDeviceCheckPage() {
        assertThat(offersCollector(loginPage(laptop))).as("with the cookie").isTrue();
        HttpSession privateWindow = laptop.sameDeviceWithoutCookies();

        Page login = loginPage(privateWindow);
        assertThat(offersCollector(login)).as("without the cookie").isFalse();
        Page afterPassword = privateWindow.submit(login, LoginJourney.LOGIN_FORM,
                Map.of("username", user.username(), "password", user.password()));

        assertThat(LoginJourney.isDeviceCheckPage(afterPassword)).isTrue();
    }

    @Nested
    class ABadValueFallsBackToTheDeviceCheckPage {

        @Test
        void malformed() {
            signsInThroughTheDeviceCheckPageAfterPosting("not a fingerprint");
        }

        @Test
        void oversized() {
            signsInThroughTheDeviceCheckPageAfterPosting(laptop.fingerprint().repeat(200));
        }

        @Test
        void empty() {
            signsInThroughTheDeviceCheckPageAfterPosting("");
        }

        private void signsInThroughTheDeviceCheckPageAfterPosting(String value) {
            Page login = loginPage(laptop);
            assertThat(offersCollector(login)).as("the login page carries the collector").isTrue();

            Page afterPassword = laptop.submit(login, LoginJourney.LOGIN_FORM, passwordWith(value));

            assertThat(LoginJourney.isDeviceCheckPage(afterPassword)).as("status %s", afterPassword.status()).isTrue();
            Page end = LoginJourney.deviceCheck(laptop, afterPassword);
            assertThat(end.isRedirect()).isTrue();
            JsonNode signedIn = events.latest(user, "LOGIN");
            assertThat(signedIn.path("details").path("vigil_risk_level").asText()).isEqualTo("LOW");
            assertThat(LoginEvents.riskReasons(signedIn)).as("the device-check page's fingerprint, the known one")
                    .doesNotContain("new-fingerprint");
        }
    }

    @Nested
    class AUserWhoseConsentIsNotCurrent {

        private PrivacyAdminApi privacy;

        @BeforeEach
        void withdrewIt(VigilServer server) {
            privacy = new PrivacyAdminApi(server, DemoRealm.REALM);
            AdminApi.expect(200, admin.bearer().post(privacy.user(user.id(), "consent/withdraw")));
        }

        @Test
        void getsTheTermsFirstThenTheDeviceCheckPage() {
            Page login = loginPage(laptop);
            assertThat(offersCollector(login)).as("the cookie still shows a consenting browser").isTrue();

            Page afterPassword = laptop.submit(login, LoginJourney.LOGIN_FORM, passwordWith(laptop.fingerprint()));
            assertThat(LoginJourney.isConsentPage(afterPassword)).as("the terms first").isTrue();
            Page afterTerms = LoginJourney.accept(laptop, afterPassword);

            assertThat(LoginJourney.isDeviceCheckPage(afterTerms)).as("the login form's fingerprint is not used").isTrue();
        }

        @Test
        void refusingTheTermsKeepsNothing() {
            int signInsBefore = signIns();
            Page login = loginPage(laptop);
            assertThat(offersCollector(login)).as("the cookie still shows a consenting browser").isTrue();

            Page afterPassword = laptop.submit(login, LoginJourney.LOGIN_FORM, passwordWith(laptop.fingerprint()));
            Page refused = LoginJourney.refuse(laptop, afterPassword);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(signIns()).isEqualTo(signInsBefore);
        }

        private int signIns() {
            return AdminApi.json(AdminApi.expect(200, admin.bearer().get(privacy.user(user.id(), "export"))))
                    .path("signIns").size();
        }
    }

    private Page loginPage(HttpSession browser) {
        browser.forgetSignIn();
        return browser.getFollowingRedirects(app.begin().authorizationUri());
    }

    /** The token with one character of its signature changed (a middle one: the last carries padding bits). */
    private static String damagedSignature(String jws) {
        int at = jws.length() - 10;
        return jws.substring(0, at) + (jws.charAt(at) == 'A' ? 'B' : 'A') + jws.substring(at + 1);
    }

    private static boolean offersCollector(Page page) {
        return page.document().selectFirst(COLLECTOR) != null;
    }

    private Map<String, String> passwordWith(String fingerprint) {
        Map<String, String> fields = new HashMap<>();
        fields.put("username", user.username());
        fields.put("password", user.password());
        fields.put(FIELD, fingerprint);
        return fields;
    }
}
