package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilPages;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.WordPressSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * WordPress from Debian's package signs its users in through Vigil: Apache httpd's mod_auth_openidc in front of every
 * page (as the demo realm's {@code demo-site}), the repository's must-use plugin making the web server's user
 * WordPress's, and {@code acr_values=2} sent for {@code /wp-admin} only. Driven by headless Chromium; screenshots in
 * target/it/screenshots/.
 */
@ExtendWith(VigilServerExtension.class)
class WordPressSiteIT {

    private static final By SIGNED_IN_AS = By.cssSelector("#wp-admin-bar-my-account .display-name");

    @RegisterExtension
    static final DemoSite<WordPressSite> demo = DemoSite.startedBy(WordPressSite::start);

    private Outbox outbox;
    private FreshUser user;

    @BeforeEach
    void aNewUser(VigilServer server) {
        outbox = new Outbox(server);
        user = FreshUser.in(new AdminApi(server), DemoRealm.REALM, "wordpress");
    }

    @Test
    void aLowRiskUserReadsTheSiteWithoutACodeAndWpAdminAsksForItThenSignsThemIn() {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.driver();
            browser.get(demo.site().uri("/").toString());
            VigilPages.firstSignIn(chromium, user, outbox);
            awaitSignedIn(chromium, "wordpress-first-visit-not-shown");

            // Signing out of the site signs out of Vigil too; the device stays remembered, so the next login is LOW.
            browser.get(demo.site().logoutUri(demo.site().uri("/")).toString());
            int codesSoFar = outbox.messagesTo(user.email()).size();
            VigilPages.password(chromium, user);
            awaitSignedIn(chromium, "wordpress-public-page-not-shown");
            assertThat(browser.getTitle()).isEqualTo("Vigil demo site");
            assertThat(outbox.messagesTo(user.email())).as("no code for the public pages").hasSize(codesSoFar);
            assertThat(chromium.screenshot("wordpress-public-page-low-risk")).isNotEmptyFile();

            browser.get(demo.site().uri("/wp-admin/").toString());
            assertThat(VigilPages.codeAskedWithoutPassword(chromium, "wordpress-admin-step-up")).as("no password again").isTrue();
            chromium.enterOtp(outbox, user.email());
            chromium.waitFor(ExpectedConditions.titleContains("Dashboard"), VigilPages.PAGE_TIMEOUT,
                    "wordpress-dashboard-not-shown");
            assertThat(browser.getCurrentUrl()).startsWith(demo.site().uri("/wp-admin/").toString());
            assertThat(browser.findElement(SIGNED_IN_AS).getText()).isEqualTo(user.username());
            assertThat(chromium.screenshot("wordpress-dashboard")).isNotEmptyFile();

            // The account WordPress made from the claims.
            browser.get(demo.site().uri("/wp-admin/profile.php").toString());
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("email")), VigilPages.PAGE_TIMEOUT,
                    "wordpress-profile-not-shown");
            assertThat(browser.findElement(By.id("user_login")).getAttribute("value")).isEqualTo(user.username());
            assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(user.email());
        }
    }

    /** WordPress shows the page with its toolbar, signed in as the user Vigil signed in. */
    private void awaitSignedIn(HeadlessChromium chromium, String screenshotOnFailure) {
        chromium.waitFor(ExpectedConditions.textToBePresentInElementLocated(SIGNED_IN_AS, user.username()),
                VigilPages.PAGE_TIMEOUT, screenshotOnFailure);
    }
}
