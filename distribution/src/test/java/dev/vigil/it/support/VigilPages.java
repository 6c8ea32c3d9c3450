package dev.vigil.it.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Vigil's sign-in pages as a person meets them in headless Chromium, sent there by a site. */
public final class VigilPages {

    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private VigilPages() {
    }

    /** Waits for Vigil's login form, then types the user's name and password and submits them. */
    public static void password(HeadlessChromium chromium, FreshUser user) {
        WebDriver browser = chromium.driver();
        chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")), PAGE_TIMEOUT,
                "vigil-login-page-not-shown");
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("kc-login")).click();
    }

    /**
     * A new user's first sign-in: password, the terms accepted, the device check (its script runs by itself) and the
     * code, which the risk asks for at a user's first sign-in.
     */
    public static void firstSignIn(HeadlessChromium chromium, FreshUser user, Outbox outbox) {
        password(chromium, user);
        chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-accept")), PAGE_TIMEOUT,
                "vigil-consent-not-shown");
        chromium.driver().findElement(By.id("vigil-accept")).click();
        chromium.enterOtp(outbox, user.email());
    }

    /** Waits for the code page after a request for level 2 and checks that the password was not asked again. */
    public static boolean codeAskedWithoutPassword(HeadlessChromium chromium, String screenshot) {
        chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")), PAGE_TIMEOUT,
                screenshot + "-not-shown");
        chromium.screenshot(screenshot);
        return chromium.driver().findElements(By.id("password")).isEmpty();
    }
}
