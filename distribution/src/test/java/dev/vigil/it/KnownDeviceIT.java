package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A known user on a known device signs in without the remembered-device cookie (a private window, cleared
 * cookies): the device's fingerprint seen before on the same network is enough for LOW, while the same headers
 * without that fingerprint, or that fingerprint from a new network, are stepped up.
 */
@ExtendWith(VigilServerExtension.class)
class KnownDeviceIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String HOME = "89.160.20.115";
    /** Another /24 of the same provider (AS29518), as a neighbour on the victim's provider would have. */
    private static final String SAME_PROVIDER_OTHER_NETWORK = "89.160.21.10";
    private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0";
    private static final String SWEDISH = "sv-SE,sv;q=0.9,en;q=0.5";

    private LoginEvents events;
    private LowRiskLaptop fixture;
    private HttpSession laptop;

    @BeforeEach
    void aUserWhoSignedInThreeTimesFromTheirLaptop(VigilServer server) {
        AdminApi admin = new AdminApi(server);
        events = new LoginEvents(admin, DemoRealm.REALM);
        fixture = LowRiskLaptop.signedInThreeTimesAtHome(server, admin, APP_CALLBACK, "known-device", new HttpSession()
                .from(HOME).header("User-Agent", FIREFOX_ON_LINUX).header("Accept-Language", SWEDISH));
        laptop = fixture.laptop();
        assertThat(attempt(laptop).level()).as("the laptop with its cookie").isEqualTo("LOW");
    }

    @Nested
    class WithoutTheRememberedDeviceCookie {

        @Test
        void theSameDeviceOnTheSameNetworkSignsInAtLowWithoutACode() {
            Outcome outcome = attempt(laptop.sameDeviceWithoutCookies());

            assertThat(outcome.otpAsked()).as("no code for the usual laptop at home").isFalse();
            assertThat(outcome.level()).isEqualTo("LOW");
            assertThat(outcome.reasons()).contains("recognized-device").doesNotContain("remembered-device");
        }

        @Test
        void anotherDeviceWithTheSameAddressAndHeadersIsSteppedUp() {
            HttpSession other = new HttpSession().from(HOME).header("User-Agent", FIREFOX_ON_LINUX)
                    .header("Accept-Language", SWEDISH);

            Outcome outcome = attempt(other);

            assertThat(outcome.steppedUpOrRefused()).as("level %s", outcome.level()).isTrue();
            assertThat(outcome.reasons()).contains("new-fingerprint").doesNotContain("recognized-device");
        }

        @Test
        void theSameDeviceFromANewNetworkOfTheSameProviderIsSteppedUp() {
            Outcome outcome = attempt(laptop.sameDeviceWithoutCookies().from(SAME_PROVIDER_OTHER_NETWORK));

            assertThat(outcome.steppedUpOrRefused()).as("level %s", outcome.level()).isTrue();
            assertThat(outcome.reasons()).contains("new-network").doesNotContain("recognized-device");
        }
    }

    /** One whole login (the code typed when asked), or its refusal, with the level and reasons of its event. */
    private Outcome attempt(HttpSession browser) {
        FreshUser user = fixture.user();
        browser.forgetSignIn();
        Page page = LoginJourney.signIn(browser, fixture.app().begin().authorizationUri(), user.username(), user.password());
        boolean otpAsked = LoginJourney.isOtpPage(page);
        Page end = otpAsked ? LoginJourney.otpFromOutbox(browser, page, fixture.outbox(), user.email()) : page;
        boolean refused = end.status() == 403;
        assertThat(refused || end.isRedirect()).as("signed in or refused, not %s", end.status()).isTrue();
        JsonNode event = events.latest(user, refused ? "LOGIN_ERROR" : "LOGIN");
        return new Outcome(otpAsked, refused, event.path("details").path("vigil_risk_level").asText(),
                LoginEvents.riskReasons(event));
    }

    private record Outcome(boolean otpAsked, boolean refused, String level, List<String> reasons) {

        boolean steppedUpOrRefused() {
            return (otpAsked || refused) && !"LOW".equals(level);
        }
    }
}
