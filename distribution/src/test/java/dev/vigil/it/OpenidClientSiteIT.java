package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.OpenidClientSite;
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
 * A Node site signs in through Vigil with the npm package {@code openid-client} (an OpenID-certified relying party),
 * as the demo realm's confidential {@code demo-site}, driven by headless Chromium: a full first sign-in (terms,
 * device check, the code the risk asks for), and the site's {@code /admin} asking for {@code acr_values=2}, which
 * gets the code from a LOW-risk session. Screenshots in target/it/screenshots/.
 */
@ExtendWith(VigilServerExtension.class)
class OpenidClientSiteIT {

    @RegisterExtension
    static final DemoSite<OpenidClientSite> demo = DemoSite.startedBy(OpenidClientSite::start);

    private AdminApi admin;
    private Outbox outbox;
    private FreshUser user;

    @BeforeEach
    void aNewUser(VigilServer server) {
        admin = new AdminApi(server);
        outbox = new Outbox(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "node");
    }

    @Test
    void aFirstSignInPassesTermsDeviceCheckAndCodeAndTheSiteShowsTheClaims() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.driver();
            browser.get(demo.site().uri("/").toString());
            VigilPages.firstSignIn(chromium, user, outbox);

            awaitPage(chromium, "Public page", "node-first-visit-not-shown");
            assertThat(claim(browser, "user")).isEqualTo(user.username());
            assertThat(claim(browser, "acr")).as("a first sign-in is stepped up by the risk").isEqualTo("2");
            assertThat(claim(browser, "vigil-risk")).isEqualTo("MEDIUM");
            assertThat(chromium.screenshot("node-first-visit")).isNotEmptyFile();
        }
    }

    @Test
    void aLowRiskUserGetsThePublicPageWithoutACodeAndAcrValues2AsksForIt() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.driver();
            browser.get(demo.site().uri("/").toString());
            VigilPages.firstSignIn(chromium, user, outbox);
            awaitPage(chromium, "Public page", "node-first-visit-not-shown");

            // Signed out at Vigil and of the site; the device stays remembered, so the next login is LOW.
            AdminApi.expect(204, admin.post("/realms/" + DemoRealm.REALM + "/users/" + user.id() + "/logout", Map.of()));
            browser.manage().deleteCookieNamed("site_session");
            int codesSoFar = outbox.messagesTo(user.email()).size();
            browser.get(demo.site().uri("/").toString());
            VigilPages.password(chromium, user);
            awaitPage(chromium, "Public page", "node-public-page-not-shown");
            assertThat(claim(browser, "acr")).isEqualTo("1");
            assertThat(claim(browser, "vigil-risk")).isEqualTo("LOW");
            assertThat(outbox.messagesTo(user.email())).as("no code for the public page").hasSize(codesSoFar);

            browser.get(demo.site().uri("/admin").toString());
            assertThat(VigilPages.codeAskedWithoutPassword(chromium, "node-admin-step-up")).as("no password again").isTrue();
            chromium.enterOtp(outbox, user.email());
            awaitPage(chromium, "Admin page", "node-admin-page-not-shown");
            assertThat(claim(browser, "user")).isEqualTo(user.username());
            assertThat(claim(browser, "acr")).isEqualTo("2");
            assertThat(claim(browser, "vigil-risk")).isEqualTo("LOW");
            assertThat(chromium.screenshot("node-admin-page")).isNotEmptyFile();
        }
    }

    private static void awaitPage(HeadlessChromium chromium, String title, String screenshotOnFailure) {
        chromium.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("page"), title), VigilPages.PAGE_TIMEOUT,
                screenshotOnFailure);
    }

    private static String claim(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
