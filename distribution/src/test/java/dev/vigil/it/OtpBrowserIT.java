package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium walks phone enrolment, then a sign-in with the code, through the real pages; screenshots kept. */
@ExtendWith(VigilServerExtension.class)
class OtpBrowserIT {

    @Test
    void enrolmentThenSignInThroughTheRealPages(VigilServer server) {
        OtpRealm realm = OtpRealm.create(new AdminApi(server), server, "otp-browser", Map.of("defaultRegion", "FR"));
        Outbox outbox = new Outbox(server);
        FreshUser user = realm.userToEnrol("chromium");
        String phone = OtpRealm.randomMobile();
        String account = server.realmUri(realm.name()) + "/account";

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.driver();
            signIn(chromium, account, user);
            // No phone yet: the first code goes by e-mail (here to the outbox), then enrolment.
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")), Duration.ofSeconds(30),
                    "otp-email-code-page-not-shown");
            assertThat(browser.findElement(By.id("vigil-otp-destination")).getText()).startsWith("We sent a code by e-mail to ");
            assertThat(chromium.screenshot("otp-email-code")).isNotEmptyFile();
            browser.findElement(By.id("vigil-otp-code")).sendKeys(outbox.latestCode(user.username() + "@example.com"));
            browser.findElement(By.id("vigil-otp-submit")).click();
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-phone")), Duration.ofSeconds(30),
                    "otp-enrolment-phone-page-not-shown");
            assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("Register a phone for sign-in codes");
            assertThat(chromium.screenshot("otp-enrolment-phone")).isNotEmptyFile();
            browser.findElement(By.id("vigil-phone")).sendKeys(phone);
            browser.findElement(By.id("vigil-phone-submit")).click();

            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")), Duration.ofSeconds(30),
                    "otp-enrolment-code-page-not-shown");
            assertThat(browser.findElement(By.id("vigil-otp-code")).getAttribute("autocomplete")).isEqualTo("one-time-code");
            assertThat(chromium.screenshot("otp-enrolment-code")).isNotEmptyFile();
            browser.findElement(By.id("vigil-otp-code")).sendKeys(outbox.latestCode(phone));
            browser.findElement(By.id("vigil-otp-submit")).click();
            awaitAccountConsole(chromium, user, "otp-enrolment-account-console-not-rendered");
        }

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.driver();
            signIn(chromium, account, user);
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")), Duration.ofSeconds(30),
                    "otp-sign-in-code-page-not-shown");
            assertThat(browser.findElement(By.id("vigil-otp-destination")).getText()).contains("+33 6** ** **");
            assertThat(chromium.screenshot("otp-sign-in-code")).isNotEmptyFile();
            browser.findElement(By.id("vigil-otp-code")).sendKeys(outbox.latestCode(phone));
            browser.findElement(By.id("vigil-otp-submit")).click();
            awaitAccountConsole(chromium, user, "otp-sign-in-account-console-not-rendered");
            assertThat(chromium.screenshot("otp-sign-in-account-console")).isNotEmptyFile();
        }
    }

    private static void signIn(HeadlessChromium chromium, String account, FreshUser user) {
        WebDriver browser = chromium.driver();
        browser.get(account);
        chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")), Duration.ofSeconds(60),
                "otp-login-page-not-shown");
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("kc-login")).click();
    }

    private static void awaitAccountConsole(HeadlessChromium chromium, FreshUser user, String screenshotOnFailure) {
        chromium.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Test " + user.username()),
                Duration.ofSeconds(60), screenshotOnFailure);
    }
}
