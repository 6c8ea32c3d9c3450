package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A real browser (Debian's headless Chromium) signs alice in to the demo realm's account console. */
@ExtendWith(VigilServerExtension.class)
class BrowserLoginIT {

    @Test
    void aliceSignsInToHerAccountConsole(VigilServer server) {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            var browser = chromium.driver();
            browser.get(server.realmUri(DemoRealm.REALM) + "/account");

            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")),
                    Duration.ofSeconds(60), "login-page-not-shown");
            assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("Sign in to your account");
            Path loginShot = chromium.screenshot("login-page");

            browser.findElement(By.id("username")).sendKeys(DemoRealm.ALICE);
            browser.findElement(By.id("password")).sendKeys(DemoRealm.ALICE_PASSWORD);
            browser.findElement(By.id("kc-login")).click();

            // The account console is a JavaScript application: wait until it has rendered alice's name.
            chromium.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Alice Martin"),
                    Duration.ofSeconds(60), "account-console-not-rendered");
            assertThat(browser.getCurrentUrl()).startsWith(server.realmUri(DemoRealm.REALM) + "/account");
            Path accountShot = chromium.screenshot("account-console");

            assertThat(loginShot).isNotEmptyFile();
            assertThat(accountShot).isNotEmptyFile();
        }
    }
}
