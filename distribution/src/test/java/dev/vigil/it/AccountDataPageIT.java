package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Your devices and data": the page the account console shows, over HTTP and in a real browser. */
@ExtendWith(VigilServerExtension.class)
class AccountDataPageIT {

    private VigilServer server;
    private AdminApi admin;
    private VigilTables tables;
    private FreshUser user;
    private String realmId;

    @BeforeEach
    void userWithAKnownDevice(VigilServer server) throws Exception {
        this.server = server;
        admin = new AdminApi(server);
        tables = new VigilTables(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "page");
        realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
    }

    @Test
    void showsNothingWithoutASession() {
        Page page = new HttpSession().get(pageUri());

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.document().select("#vigil-signed-out").text()).isEqualTo("Sign in to see your devices and data.");
    }

    @Test
    void listsTheUsersDevicesAndForgetsOneWithTheFormButOnlyWithItsToken() throws Exception {
        HttpSession browser = signedIn();
        String deviceId = tables.insertDeviceWithSignIn(realmId, user.id(), System.currentTimeMillis());

        Page page = browser.get(pageUri());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#vigil-devices tr[data-device=" + deviceId + "]").text()).contains("Firefox on Linux (desktop)");
        assertThat(page.document().select("#vigil-sign-ins").text()).contains("near London, GB").contains("LOW / ALLOWED");
        assertThat(page.document().select("#vigil-consents").text()).contains("2026-11-22");

        Page forged = browser.submit(page, "tr[data-device=" + deviceId + "] form", Map.of("formToken", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        // The inserted device, and the one of the real sign-in above.
        assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_DEVICE", 2);

        Page afterForget = browser.submit(page, "tr[data-device=" + deviceId + "] form", Map.of());
        assertThat(afterForget.status()).isEqualTo(303);
        assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_DEVICE", 1).containsEntry("VIGIL_SIGN_IN", 1);
        assertThat(browser.get(pageUri()).document().select("#vigil-devices tr[data-device=" + deviceId + "]")).isEmpty();
    }

    @Test
    void speaksTheUsersLanguage() {
        admin.put("/realms/" + DemoRealm.REALM + "/users/" + user.id(), Map.of("attributes", Map.of("locale", List.of("fr"))));
        HttpSession browser = signedIn();

        assertThat(browser.get(pageUri()).document().select("h1").text()).isEqualTo("Vos appareils et vos données");
    }

    @Test
    void aRealBrowserReachesThePageFromTheAccountConsole() throws Exception {
        tables.insertDeviceWithSignIn(realmId, user.id(), System.currentTimeMillis());
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            var browser = chromium.driver();
            browser.get(server.realmUri(DemoRealm.REALM) + "/account");
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")), Duration.ofSeconds(60), "login-not-shown");
            browser.findElement(By.id("username")).sendKeys(user.username());
            browser.findElement(By.id("password")).sendKeys(user.password());
            browser.findElement(By.id("kc-login")).click();
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-accept")), Duration.ofSeconds(30), "consent-not-shown");
            browser.findElement(By.id("vigil-accept")).click();
            chromium.enterOtp(new Outbox(server), user.email());

            // The page sits under "Account security" in the console's navigation.
            By accountSecurity = By.xpath("//nav//button[normalize-space()='Account security']");
            chromium.waitFor(ExpectedConditions.elementToBeClickable(accountSecurity), Duration.ofSeconds(60), "account-console-not-shown");
            browser.findElement(accountSecurity).click();
            chromium.waitFor(ExpectedConditions.elementToBeClickable(By.linkText("Your devices and data")), Duration.ofSeconds(10),
                    "vigil-page-not-in-navigation");
            browser.findElement(By.linkText("Your devices and data")).click();
            chromium.waitFor(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("vigil-data-frame")),
                    Duration.ofSeconds(60), "data-page-not-embedded");
            chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-devices")), Duration.ofSeconds(30),
                    "devices-not-listed");
            assertThat(browser.findElement(By.id("vigil-devices")).getText()).contains("Firefox on Linux (desktop)");
            browser.switchTo().defaultContent();
            assertThat(chromium.screenshot("account-devices-and-data")).isNotEmptyFile();
        }
    }

    private HttpSession signedIn() {
        HttpSession browser = new HttpSession();
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));
        Page back = LoginJourney.signInCompletely(browser, app.begin().authorizationUri(), user, new Outbox(server));
        assertThat(back.isRedirect()).isTrue();
        return browser;
    }

    private URI pageUri() {
        return URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/account/");
    }
}
