package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The remembered-device cookie is re-signed only when its renewal is due: a login that presents a fresh one is not
 * sent a new one (and is still recognized by it), while one presenting a cookie signed before the realm's key
 * rotation is sent a new cookie under the new key, recognized at the next login. (Renewal by age, a thirtieth of
 * the period, is the unit test {@code CookieRenewalTest}: a black-box test cannot wait a day.)
 */
@ExtendWith(VigilServerExtension.class)
class RememberedDeviceRenewalIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String COOKIE = "VIGIL_DEVICE";

    private VigilServer server;
    private AdminApi admin;
    private OidcRelyingParty app;
    private FreshUser user;
    private HttpSession browser;

    @BeforeEach
    void aUserWhoseBrowserWasRemembered(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        user = FreshUser.in(admin, DemoRealm.REALM, "cookie-renewal");
        browser = new HttpSession().from("89.160.20.115")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0");
        assertThat(setsDeviceCookie(signIn())).as("the first login remembers the browser").isTrue();
    }

    @Test
    void aFreshCookieIsNotSetAgainAndStillRecognizesTheDevice() {
        Page end = signIn();

        assertThat(setsDeviceCookie(end)).as("Set-Cookie of the login's last response").isFalse();
        assertThat(lastLoginReasons()).contains("remembered-device");
    }

    @Test
    void aCookieSignedBeforeAKeyRotationIsRenewedUnderTheNewKey() {
        String realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        String newKey = createdId(AdminApi.expect(201, admin.post("/realms/" + DemoRealm.REALM + "/components", Map.of(
                "name", "cookie-renewal-" + user.id(),
                "providerId", "hmac-generated",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of("priority", List.of("1000000"), "algorithm", List.of("HS512"), "secretSize", List.of("64"))))));
        try {
            Page renewed = signIn();
            assertThat(setsDeviceCookie(renewed)).as("renewed under the new key").isTrue();
            assertThat(lastLoginReasons()).as("the old cookie still counted").contains("remembered-device");

            Page next = signIn();
            assertThat(setsDeviceCookie(next)).as("the renewed cookie is fresh").isFalse();
            assertThat(lastLoginReasons()).contains("remembered-device");
        } finally {
            AdminApi.expect(204, admin.delete("/realms/" + DemoRealm.REALM + "/components/" + newKey));
        }
    }

    private Page signIn() {
        browser.forgetSignIn();
        Page end = LoginJourney.signInCompletely(browser, app.begin().authorizationUri(), user, new Outbox(server));
        assertThat(end.isRedirect()).as("signed in, not %s", end.status()).isTrue();
        return end;
    }

    private static String createdId(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static boolean setsDeviceCookie(Page page) {
        return page.response().headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith(COOKIE + "="));
    }

    private List<String> lastLoginReasons() {
        return LoginEvents.riskReasons(new LoginEvents(admin, DemoRealm.REALM).latest(user, "LOGIN"));
    }
}
