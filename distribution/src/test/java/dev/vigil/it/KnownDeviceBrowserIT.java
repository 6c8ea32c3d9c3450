package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The collector script in a real browser (Debian's headless Chromium): a new browser's first login has no collector
 * (terms, then the device check); once the browser holds Vigil's remembered-device cookie, its login page adds the
 * fingerprint to the password form by itself, the same hash the device-check page sent, and the server scores the
 * login with it (no new fingerprint).
 */
@ExtendWith(VigilServerExtension.class)
class KnownDeviceBrowserIT {

    /** Nothing listens there: the browser's arrival, with the code in its address, is all the test needs. */
    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53684/callback");

    @Test
    void aReturningBrowserSendsItsFingerprintWithThePassword(VigilServer server) {
        AdminApi admin = new AdminApi(server);
        Outbox outbox = new Outbox(server);
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "browser-one-post");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                APP_CALLBACK);

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            open(chromium, app);
            assertThat(chromium.driver().findElements(By.name("vigil-fingerprint")))
                    .as("a new browser: no cookie, so no collector").isEmpty();
            typePassword(chromium, user);
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-accept")),
                    Duration.ofSeconds(30), "one-post-consent-not-shown");
            chromium.driver().findElement(By.id("vigil-accept")).click();
            finish(chromium, outbox, user);

            open(chromium, app);
            WebElement field = chromium.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("form#kc-form-login input[name=vigil-fingerprint]")), Duration.ofSeconds(10),
                    "one-post-collector-field-missing");
            assertThat(field.getAttribute("value")).matches("[A-Za-z0-9_-]{43}");
            assertThat(chromium.screenshot("one-post-login-page")).isNotEmptyFile();
            typePassword(chromium, user);
            finish(chromium, outbox, user);
        }

        assertThat(LoginEvents.riskReasons(new LoginEvents(admin, DemoRealm.REALM).latest(user, "LOGIN")))
                .as("the login form's hash is the device-check page's")
                .doesNotContain("new-fingerprint");
    }

    /** A fresh authorization after the sign-in is forgotten, as closing the browser does: the login page again. */
    private static void open(HeadlessChromium chromium, OidcRelyingParty app) {
        forgetSignIn(chromium.driver());
        chromium.driver().get(app.begin().authorizationUri().toString());
        chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("password")), Duration.ofSeconds(60),
                "one-post-login-page-not-shown");
    }

    /** Deletes Keycloak's session cookies (whatever their path), keeping the persistent ones such as Vigil's. */
    @SuppressWarnings("unchecked")
    private static void forgetSignIn(ChromeDriver driver) {
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) driver
                .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        cookies.stream()
                .filter(cookie -> Stream.of("KEYCLOAK_", "AUTH_SESSION", "KC_").anyMatch(((String) cookie.get("name"))::startsWith))
                .forEach(cookie -> driver.executeCdpCommand("Network.deleteCookies", Map.of("name", cookie.get("name"),
                        "domain", cookie.get("domain"), "path", cookie.get("path"))));
    }

    private static void typePassword(HeadlessChromium chromium, FreshUser user) {
        chromium.driver().findElement(By.id("username")).clear();
        chromium.driver().findElement(By.id("username")).sendKeys(user.username());
        chromium.driver().findElement(By.id("password")).sendKeys(user.password());
        chromium.driver().findElement(By.id("kc-login")).click();
    }

    /** Past the device check (automatic) and the code, when asked, to the site with a code. */
    private static void finish(HeadlessChromium chromium, Outbox outbox, FreshUser user) {
        chromium.waitFor(driver -> driver.getCurrentUrl().startsWith(APP_CALLBACK.toString())
                        || !driver.findElements(By.id("vigil-otp-code")).isEmpty(),
                Duration.ofSeconds(30), "one-post-neither-code-nor-site");
        if (!chromium.driver().getCurrentUrl().startsWith(APP_CALLBACK.toString())) {
            chromium.enterOtp(outbox, user.email());
        }
        chromium.waitFor(ExpectedConditions.urlContains("code="), Duration.ofSeconds(30), "one-post-site-not-reached");
    }
}
