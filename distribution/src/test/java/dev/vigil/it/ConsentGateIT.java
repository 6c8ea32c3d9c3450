package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isConsentPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consent gate of the demo realm, checked in the browser flow and in the database itself. */
@ExtendWith(VigilServerExtension.class)
class ConsentGateIT {

    private static final String TERMS_VERSION = "2026-11-22";
    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final URI SITE_CALLBACK = URI.create("http://127.0.0.1:8088/oidc/callback");

    private VigilServer server;
    private AdminApi admin;
    private VigilTables tables;
    private Outbox outbox;
    private FreshUser user;

    @BeforeEach
    void newUser(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        tables = new VigilTables(server);
        outbox = new Outbox(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "consent");
    }

    @Nested
    class BeforeTheUserDecides {

        @Test
        void theTermsAreShownAfterThePasswordAndNothingIsStored() throws Exception {
            Page terms = LoginJourney.password(new HttpSession(), app().begin().authorizationUri(), user.username(), user.password());

            assertThat(isConsentPage(terms)).isTrue();
            assertThat(terms.document().select("#vigil-terms-version").text()).isEqualTo("Terms version " + TERMS_VERSION);
            assertThat(terms.document().select("#vigil-terms-purposes li").eachAttr("data-purpose"))
                    .containsExactly("account-security", "risk-scoring");
            assertThat(tables.totalRowsAbout(user.id())).isZero();
        }

        @Test
        void theTermsLinkToAPrivacyNoticeWithTheRealmsRetentionPeriods() {
            HttpSession browser = new HttpSession();
            Page terms = LoginJourney.password(browser, app().begin().authorizationUri(), user.username(), user.password());

            URI policy = URI.create(terms.document().select("#vigil-policy-link").attr("abs:href"));
            Page notice = new HttpSession().get(policy);

            assertThat(notice.status()).as("public, before anyone is signed in").isEqualTo(200);
            assertThat(notice.document().select("h1").text()).isEqualTo("How your sign-ins are protected, and your data");
            assertThat(notice.document().select("#vigil-policy-retention").text())
                    .isEqualTo("Sign-ins are kept 180 days; a device is forgotten 180 days after it was last used;"
                            + " your consents are kept as long as your account.");
        }

        @Test
        void theTermsSpeakTheUsersLanguage() {
            URI french = URI.create(app().begin().authorizationUri() + "&ui_locales=fr");

            Page terms = LoginJourney.password(new HttpSession(), french, user.username(), user.password());

            assertThat(terms.document().select("#kc-page-title").text()).isEqualTo("Avant de vous connecter");
            assertThat(terms.document().select("#vigil-accept").text()).isEqualTo("Accepter et continuer");
        }

        @Test
        void aPostWithNeitherButtonShowsTheTermsAgainAndStoresNothing() throws Exception {
            HttpSession browser = new HttpSession();
            Page terms = LoginJourney.password(browser, app().begin().authorizationUri(), user.username(), user.password());

            Page again = browser.submit(terms, LoginJourney.CONSENT_FORM, Map.of("accept-all", "yes"));

            assertThat(isConsentPage(again)).isTrue();
            assertThat(tables.totalRowsAbout(user.id())).isZero();
        }
    }

    @Nested
    class Refusing {

        @Test
        void logsNobodyInAndStoresNothing() throws Exception {
            HttpSession browser = new HttpSession();
            Page terms = LoginJourney.password(browser, app().begin().authorizationUri(), user.username(), user.password());

            Page refused = LoginJourney.refuse(browser, terms);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.document().text()).contains("You refused the terms, so you are not signed in.");
            assertThat(refused.isRedirect()).isFalse();
            assertThat(tables.totalRowsAbout(user.id())).isZero();
            assertThat(admin.get("/realms/" + DemoRealm.REALM + "/users/" + user.id() + "/sessions")).isEmpty();
        }
    }

    @Nested
    class Accepting {

        @Test
        void storesExactlyOneConsentRecordThenLogsTheUserIn() throws Exception {
            long before = System.currentTimeMillis();
            OidcRelyingParty app = app();
            OidcRelyingParty.Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page accepted = LoginJourney.accept(browser, LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password()));

            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_CONSENT", 1);
            assertThat(tables.totalRowsAbout(user.id())).as("the consent and nothing else, until the login succeeds").isEqualTo(1);
            Page back = LoginJourney.complete(browser, accepted, outbox, user);
            assertThat(app.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_CONSENT", 1).containsEntry("VIGIL_SIGN_IN", 1);
            Map<String, Object> record = tables.query("select * from VIGIL_CONSENT where USER_ID = ?", user.id()).get(0);
            assertThat(record).containsEntry("TERMS_VERSION", TERMS_VERSION)
                    .containsEntry("PURPOSES", "account-security risk-scoring")
                    .containsEntry("WITHDRAWN_AT", null)
                    .containsEntry("REALM_ID", admin.get("/realms/" + DemoRealm.REALM).path("id").asText());
            assertThat((Long) record.get("ACCEPTED_AT")).isBetween(before, System.currentTimeMillis());
        }

        @Test
        void isNotAskedAgainForTheSameTerms() throws Exception {
            signInAccepting(app());

            HttpSession browser = new HttpSession();
            Page second = LoginJourney.password(browser, app().begin().authorizationUri(), user.username(), user.password());

            assertThat(isConsentPage(second)).isFalse();
            assertThat(LoginJourney.isDeviceCheckPage(second)).as("straight on to the risk evaluation").isTrue();
            Page back = LoginJourney.complete(browser, second, outbox, user);
            assertThat(back.location().toString()).startsWith(APP_CALLBACK.toString()).contains("code=");
            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_CONSENT", 1);
        }
    }

    @Nested
    class PublishingNewTerms {

        @Test
        void asksEveryoneAgainAndKeepsTheOldAcceptanceAsHistory() throws Exception {
            signInAccepting(app());

            withConsentConfig(config -> config.put("termsVersion", "2027-01-01"), () -> {
                Page terms = LoginJourney.password(new HttpSession(), app().begin().authorizationUri(), user.username(), user.password());
                assertThat(isConsentPage(terms)).isTrue();
                assertThat(terms.document().select("#vigil-terms-version").text()).isEqualTo("Terms version 2027-01-01");

                signInAccepting(app());

                assertThat(tables.query("select TERMS_VERSION from VIGIL_CONSENT where USER_ID = ? order by ACCEPTED_AT", user.id()))
                        .extracting(row -> row.get("TERMS_VERSION"))
                        .containsExactly(TERMS_VERSION, "2027-01-01");
            });
        }
    }

    @Nested
    class InTheAdminConsole {

        @Test
        void theStepOffersTypedSettingsForTermsCollectionAndRetention() {
            JsonNode description = admin.get("/realms/" + DemoRealm.REALM + "/authentication/config-description/vigil-consent");

            assertThat(description.path("properties")).extracting(property -> property.path("name").asText())
                    .contains("termsVersion", "policyUrl", "purposes", "clients", "collectNetwork", "geolocation",
                            "collectUserAgent", "collectFingerprint", "collectTimeZone", "historyRetentionDays",
                            "deviceRetentionDays", "rememberedDeviceDays");
            assertThat(description.path("properties")).anySatisfy(property -> {
                assertThat(property.path("name").asText()).isEqualTo("geolocation");
                assertThat(property.path("options")).extracting(JsonNode::asText).containsExactly("city", "country", "none");
                assertThat(property.path("helpText").asText()).isNotBlank();
            });
        }
    }

    @Nested
    class RequiredPerClient {

        @Test
        void onlyTheListedClientsAskForConsent() throws Exception {
            withConsentConfig(config -> config.put("clients", DemoRealm.SITE_CLIENT), () -> {
                Page app = LoginJourney.password(new HttpSession(), app().begin().authorizationUri(), user.username(), user.password());
                assertThat(LoginJourney.isDeviceCheckPage(app)).as("demo-app does not require consent").isTrue();

                OidcRelyingParty site = OidcRelyingParty.confidentialClient(server.realmUri(DemoRealm.REALM),
                        DemoRealm.SITE_CLIENT, DemoRealm.SITE_SECRET, SITE_CALLBACK);
                Page siteLogin = LoginJourney.password(new HttpSession(), site.begin().authorizationUri(), user.username(), user.password());
                assertThat(isConsentPage(siteLogin)).as("demo-site requires consent").isTrue();
                assertThat(tables.totalRowsAbout(user.id())).as("nothing recorded of a login left unfinished").isZero();
            });
        }
    }

    private OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
    }

    private void signInAccepting(OidcRelyingParty app) {
        OidcRelyingParty.Attempt attempt = app.begin();
        Page back = LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(), user, outbox);
        app.finish(attempt, back.location());
    }

    private void withConsentConfig(UnaryOperator<ObjectNode> change, StepSettings.ThrowingRunnable body) throws Exception {
        StepSettings.consent(admin, DemoRealm.REALM).with(change, body);
    }
}
