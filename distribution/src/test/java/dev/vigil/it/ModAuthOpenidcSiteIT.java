package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.ApacheSite;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilPages;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real site signs in through Vigil: a PHP page behind Apache httpd and Debian's mod_auth_openidc (an
 * OpenID-certified relying party), as the demo realm's {@code demo-site}, driven by headless Chromium. The site asks
 * for level 2 on {@code /admin/} only ({@code acr_values=2}); Vigil's back-channel logout ends the site's session when
 * the user is signed out at Vigil. Screenshots of each page stay in target/it/screenshots/.
 */
@ExtendWith(VigilServerExtension.class)
class ModAuthOpenidcSiteIT {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53684/callback");

    @RegisterExtension
    static final DemoSite<ApacheSite> demo = DemoSite.startedBy(ApacheSite::start);

    private VigilServer server;
    private AdminApi admin;
    private Outbox outbox;
    private FreshUser user;

    @BeforeEach
    void aNewUser(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        outbox = new Outbox(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "site");
    }

    @Test
    void aLowRiskUserReadsThePublicPageWithoutACodeAndTheAdminPageAsksForIt() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.driver();
            firstVisit(chromium);
            assertThat(claim(browser, "acr")).as("a first sign-in is stepped up by the risk").isEqualTo("2");

            // Signing out of the site signs out of Vigil too; the device stays remembered, so the next login is LOW.
            browser.get(demo.site().logoutUri(demo.site().uri("/")).toString());
            int codesSoFar = outbox.messagesTo(user.email()).size();
            VigilPages.password(chromium, user);
            awaitPage(chromium, "Public page", "site-public-page-not-shown");
            assertThat(claim(browser, "user")).isEqualTo(user.username());
            assertThat(claim(browser, "vigil-risk")).isEqualTo("LOW");
            assertThat(claim(browser, "acr")).isEqualTo("1");
            assertThat(outbox.messagesTo(user.email())).as("no code for the public page").hasSize(codesSoFar);
            assertThat(chromium.screenshot("site-public-page-low-risk")).isNotEmptyFile();

            browser.get(demo.site().uri("/admin/").toString());
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")), PAGE_TIMEOUT,
                    "site-admin-step-up-not-shown");
            assertThat(browser.findElements(By.id("password"))).as("no password again").isEmpty();
            assertThat(chromium.screenshot("site-admin-step-up")).isNotEmptyFile();
            chromium.enterOtp(outbox, user.email());
            awaitPage(chromium, "Admin page", "site-admin-page-not-shown");
            assertThat(claim(browser, "user")).isEqualTo(user.username());
            assertThat(claim(browser, "acr")).isEqualTo("2");
            assertThat(claim(browser, "vigil-risk")).isEqualTo("LOW");
            assertThat(chromium.screenshot("site-admin-page")).isNotEmptyFile();
        }
    }

    @Test
    void anAdminSigningTheUserOutEndsTheSitesSession() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            firstVisit(chromium);

            AdminApi.expect(204, admin.post("/realms/" + DemoRealm.REALM + "/users/" + user.id() + "/logout", Map.of()));

            assertSignedOutOfTheSite(chromium, "site-after-admin-sign-out");
        }
    }

    @Test
    void withdrawingConsentEndsTheSitesSession() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            firstVisit(chromium);

            // The user withdraws from another device, through Vigil's own API with their own token.
            AdminApi.expect(200, new BearerClient(tokenFromAnotherDevice().getValue())
                    .post(URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/me/consent/withdraw")));

            assertSignedOutOfTheSite(chromium, "site-after-withdrawal");
        }
    }

    /** A new user's first visit to the site: password, terms, device check, the code (the risk asks), the page. */
    private void firstVisit(HeadlessChromium chromium) {
        chromium.driver().get(demo.site().uri("/").toString());
        VigilPages.firstSignIn(chromium, user, outbox);
        awaitPage(chromium, "Public page", "site-first-visit-not-shown");
        assertThat(claim(chromium.driver(), "user")).isEqualTo(user.username());
    }

    /** The site asks for a Vigil login again: its own session ended with Vigil's. */
    private void assertSignedOutOfTheSite(HeadlessChromium chromium, String screenshot) {
        chromium.driver().get(demo.site().uri("/").toString());
        chromium.waitFor(ExpectedConditions.or(
                        ExpectedConditions.visibilityOfElementLocated(By.id("username")),
                        ExpectedConditions.visibilityOfElementLocated(By.id("page"))),
                PAGE_TIMEOUT, screenshot + "-nothing-shown");
        chromium.screenshot(screenshot);
        assertThat(chromium.driver().findElements(By.id("page"))).as("the site's page is no longer served").isEmpty();
        assertThat(chromium.driver().findElement(By.id("username")).isDisplayed()).as("Vigil's login page").isTrue();
        assertThat(demo.registration().backChannelLogoutUrl()).as("the demo realm's back-channel logout URL for demo-site")
                .contains(demo.site().backChannelLogoutUri());
    }

    private void awaitPage(HeadlessChromium chromium, String title, String screenshotOnFailure) {
        chromium.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("page"), title), PAGE_TIMEOUT,
                screenshotOnFailure);
    }

    private static String claim(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private AccessToken tokenFromAnotherDevice() {
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                APP_CALLBACK);
        Attempt attempt = app.begin();
        HttpSession phone = new HttpSession();
        return app.finish(attempt, LoginJourney.signInCompletely(phone, attempt.authorizationUri(), user, outbox).location())
                .tokens().getAccessToken();
    }
}
