package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreePorts;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.TcpRelay;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Risk-based access in the demo realm's flow, with MaxMind's test databases: logins appear to come from the
 * test addresses through X-Forwarded-For, which the server believes from 127.0.0.1 only.
 */
@ExtendWith(VigilServerExtension.class)
class RiskIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String LONDON = "81.2.69.142";
    private static final String CHANGCHUN = "175.16.199.10";
    private static final String MILTON = "216.160.83.56";
    private static final String LINKOPING = "89.160.20.115";
    /** A Tor exit, and nothing else, in MaxMind's Anonymous-IP test database. */
    private static final String TOR_EXIT = "65.0.0.1";

    private VigilServer server;
    private AdminApi admin;
    private Outbox outbox;
    private FreshUser user;

    @BeforeEach
    void freshUser(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        outbox = new Outbox(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "risk");
    }

    @Nested
    class AUserWithAHistoryFromLondon {

        /**
         * MaxMind's test data flags the whole London test network as Tor, VPN, proxy and hosting; the anonymizer
         * rules are switched off here so that London is an ordinary home network.
         */
        @Test
        void signsInFromLondonWithoutACodeThenFromChangchunAnHourLaterIsSteppedUpForImpossibleTravel() throws Exception {
            risk().with(config -> config.put("torLevel", "LOW").put("vpnLevel", "LOW").put("publicProxyLevel", "LOW")
                    .put("hostingLevel", "LOW"), () -> {
                HttpSession laptop = new HttpSession().from(LONDON);
                Login first = login(laptop);
                assertThat(first.otpAsked()).as("a new user is stepped up").isTrue();
                assertThat(lastLogin().reasons()).contains("few-logins");
                login(laptop);
                login(laptop);

                Login fromHome = login(laptop);
                assertThat(fromHome.otpAsked()).as("London again, same laptop").isFalse();
                assertThat(lastLogin().level()).isEqualTo("LOW");

                Login fromChina = login(laptop.from(CHANGCHUN));
                assertThat(fromChina.otpAsked()).as("London to Changchun within seconds").isTrue();
                assertThat(lastLogin().level()).isIn("MEDIUM", "HIGH");
                assertThat(lastLogin().reasons()).contains("impossible-travel");
            });
        }
    }

    @Nested
    class Rules {

        @Test
        void aTorExitIsSteppedUpEvenFromARememberedDevice() {
            HttpSession laptop = new HttpSession().from(MILTON);
            login(laptop);
            assertThat(login(laptop).otpAsked()).as("remembered device, known network").isFalse();

            Login viaTor = login(laptop.from(TOR_EXIT));

            assertThat(viaTor.otpAsked()).isTrue();
            assertThat(lastLogin().reasons()).contains("tor", "remembered-device");
        }

        @Test
        void aDenyListedNetworkIsRefusedWithAClearPage() throws Exception {
            risk().with(config -> config.put("deniedNetworks", "89.160.20.112/28"), () -> {
                Page refused = LoginJourney.signIn(new HttpSession().from(LINKOPING), app().begin().authorizationUri(),
                        user.username(), user.password());

                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.document().text()).contains("This sign-in was refused because it looks too risky");
                JsonNode error = lastEvent("LOGIN_ERROR");
                assertThat(error.path("error").asText()).isEqualTo("vigil_risk_denied");
                assertThat(error.path("details").path("vigil_risk_reasons").asText()).contains("deny-list");
                assertThat(new VigilTables(server).rowsAbout(user.id())).containsEntry("VIGIL_SIGN_IN", 0);
            });
        }

        @Test
        void reportOnlyModeLetsEveryoneThroughAndRecordsTheRisk() throws Exception {
            risk().with(config -> config.put("mode", "report-only").put("deniedNetworks", "89.160.20.112/28"), () -> {
                Login login = login(new HttpSession().from(LINKOPING));

                assertThat(login.otpAsked()).as("no step-up in report-only mode").isFalse();
                assertThat(login.back().location().toString()).startsWith(APP_CALLBACK.toString()).contains("code=");
                assertThat(lastLogin().level()).isEqualTo("HIGH");
                assertThat(lastEvent("LOGIN").path("details").path("vigil_risk_mode").asText()).isEqualTo("report-only");
                assertThat(new VigilTables(server).query("select RISK_LEVEL from VIGIL_SIGN_IN where USER_ID = ?", user.id()))
                        .extracting(row -> row.get("RISK_LEVEL")).containsExactly("HIGH");
            });
        }

        @Test
        void anAdminRaisingTheSensitivityThroughTheAdminApiChangesTheDecision() throws Exception {
            HttpSession laptop = new HttpSession().from(MILTON);
            login(laptop);
            assertThat(login(laptop).otpAsked()).isFalse();

            risk().with(config -> config.put("rememberedDeviceSteps", "0").put("recognizedDeviceSteps", "0").put("minPriorLogins", "0")
                    .put("mediumThreshold", "1.0E-9"), () ->
                    assertThat(login(laptop).otpAsked()).as("every score is now at least MEDIUM").isTrue());

            assertThat(login(laptop).otpAsked()).as("back to the realm's settings").isFalse();
        }
    }

    @Nested
    class Tokens {

        @Test
        void carryTheRiskLevelAndARaisedAcrAfterAStepUp() {
            OidcRelyingParty app = app();
            Attempt attempt = app.begin();
            HttpSession laptop = new HttpSession().from(MILTON);

            Page back = LoginJourney.signInCompletely(laptop, attempt.authorizationUri(), user, outbox);
            var idToken = app.finish(attempt, back.location()).idToken();

            assertThat(idToken.getStringClaim("vigil_risk")).isEqualTo("MEDIUM");
            assertThat(idToken.getACR().getValue()).as("stepped up").isEqualTo("2");

            Attempt second = app.begin();
            Page backAgain = LoginJourney.signInCompletely(laptop.forgetSignIn(), second.authorizationUri(), user, outbox);
            var again = app.finish(second, backAgain.location()).idToken();
            assertThat(again.getStringClaim("vigil_risk")).as("remembered device").isEqualTo("LOW");
            assertThat(again.getACR().getValue()).as("password only").isEqualTo("1");
        }
    }

    @Nested
    class Notices {

        @Test
        void aSignInFromANewCountryIsToldToTheUserByEmailButNotAFirstSignIn() throws Exception {
            GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            String realmPath = "/realms/" + DemoRealm.REALM;
            JsonNode original = admin.get(realmPath);
            ObjectNode withSmtp = original.deepCopy();
            withSmtp.putObject("smtpServer").put("host", "127.0.0.1").put("port", String.valueOf(smtp.getSmtp().getPort()))
                    .put("from", "vigil@example.test");
            AdminApi.expect(204, admin.put(realmPath, withSmtp));
            try {
                HttpSession laptop = new HttpSession().from(MILTON);
                login(laptop);
                assertThat(smtp.getReceivedMessagesForDomain(user.email())).as("a first sign-in").isEmpty();

                login(laptop.from(LINKOPING));

                assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
                MimeMessage notice = smtp.getReceivedMessagesForDomain(user.email())[0];
                assertThat(notice.getSubject()).startsWith("New sign-in to ");
                assertThat(GreenMailUtil.getBody(notice)).contains("from a new country");
            } finally {
                AdminApi.expect(204, admin.put(realmPath, original));
                smtp.stop();
            }
        }
    }

    @Nested
    class ForwardedAddresses {

        @Test
        void areIgnoredFromAPeerThatIsNotTheTrustedProxy() throws Exception {
            try (TcpRelay relay = TcpRelay.to(server.baseUri())) {
                URI viaRelay = relayed(app().begin().authorizationUri(), relay.uri());

                LoginJourney.signInCompletely(new HttpSession().from(TOR_EXIT), viaRelay, user, outbox);
            }

            JsonNode login = lastEvent("LOGIN");
            assertThat(login.path("ipAddress").asText()).isEqualTo("127.0.0.2");
            assertThat(login.path("details").path("vigil_risk_reasons").asText()).doesNotContain("tor");
        }

        @Test
        void areBelievedFromTheTrustedProxy() {
            login(new HttpSession().from(TOR_EXIT));

            assertThat(lastEvent("LOGIN").path("ipAddress").asText()).isEqualTo(TOR_EXIT);
            assertThat(lastLogin().reasons()).contains("tor");
        }
    }

    /** One whole login from this browser, after ending its single sign-on so that the flow runs again. */
    private Login login(HttpSession browser) {
        browser.forgetSignIn();
        Attempt attempt = app().begin();
        Page page = LoginJourney.signIn(browser, attempt.authorizationUri(), user.username(), user.password());
        boolean otpAsked = LoginJourney.isOtpPage(page);
        Page back = otpAsked ? LoginJourney.otpFromOutbox(browser, page, outbox, user.email()) : page;
        assertThat(back.isRedirect()).as("signed in, back to the app").isTrue();
        return new Login(otpAsked, back);
    }

    private Assessed lastLogin() {
        JsonNode login = lastEvent("LOGIN");
        return new Assessed(login.path("details").path("vigil_risk_level").asText(), LoginEvents.riskReasons(login));
    }

    private JsonNode lastEvent(String type) {
        return new LoginEvents(admin, DemoRealm.REALM).latest(user, type);
    }

    private StepSettings risk() {
        return StepSettings.risk(admin, DemoRealm.REALM);
    }

    private OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
    }

    private static URI relayed(URI uri, URI relay) {
        return URI.create(relay + uri.getRawPath() + "?" + uri.getRawQuery());
    }

    private record Login(boolean otpAsked, Page back) {
    }

    private record Assessed(String level, List<String> reasons) {
    }
}
