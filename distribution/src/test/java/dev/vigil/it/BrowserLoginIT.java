package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real browser (Debian's headless Chromium) signs a new user in to the demo realm's account console:
 * password, the consent gate, then the console itself. Screenshots of each page stay in target/it/.
 */
@ExtendWith(VigilServerExtension.class)
class BrowserLoginIT {

    @Test
    void aNewUserAcceptsTheTermsAndReachesTheAccountConsole(VigilServer server) {
        FreshUser user = FreshUser.in(new AdminApi(server), DemoRealm.REALM, "browser");
        String username = user.username();
        String password = user.password();

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            var browser = chromium.driver();
            browser.get(server.realmUri(DemoRealm.REALM) + "/account");

            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")),
                    Duration.ofSeconds(60), "login-page-not-shown");
            assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("Sign in to your account");
            assertThat(chromium.screenshot("login-page")).isNotEmptyFile();

            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("kc-login")).click();

            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-accept")),
                    Duration.ofSeconds(30), "consent-page-not-shown");
            assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("Before you sign in");
            assertThat(chromium.screenshot("consent-page")).isNotEmptyFile();
            browser.findElement(By.id("vigil-accept")).click();

            // The device check sends the fingerprint by itself; a new user's first login is then stepped up.
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")),
                    Duration.ofSeconds(30), "risk-step-up-not-shown");
            assertThat(chromium.screenshot("risk-step-up-otp")).isNotEmptyFile();
            chromium.enterOtp(new Outbox(server), user.email());

            // The account console is a JavaScript application: wait until it has rendered the user's name.
            chromium.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Test " + username),
                    Duration.ofSeconds(60), "account-console-not-rendered");
            assertThat(browser.getCurrentUrl()).startsWith(server.realmUri(DemoRealm.REALM) + "/account");
            assertThat(chromium.screenshot("account-console")).isNotEmptyFile();
        }
    }
}
