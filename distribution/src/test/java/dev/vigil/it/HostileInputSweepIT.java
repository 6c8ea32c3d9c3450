package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepRealm;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Oversized and malformed values for every header, form field and setting Vigil reads: no answer is ever a 5xx,
 * and what cannot be used gets a clear error (or is ignored, for signals).
 */
@ExtendWith(VigilServerExtension.class)
class HostileInputSweepIT {

    /** Well-formed (RFC 4647 ranges allow any number of 8-character subtags) and longer than any column. */
    private static final String LONG_VALID_LANGUAGE = "en-" + String.join("-", java.util.Collections.nCopies(8, "abcdefgh"));

    private static final List<String> BAD_SETTING_VALUES = List.of("-1", "not a number", "9".repeat(30), "x".repeat(5000));

    private VigilServer server;
    private AdminApi admin;
    private Outbox outbox;

    @BeforeEach
    void server(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        outbox = new Outbox(server);
    }

    private URI demoAuthorization() {
        return OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback")).begin().authorizationUri();
    }

    /** Every page of the journey, kept so that each is checked, not only the last. */
    private static final class Journey {
        private final List<Page> pages = new ArrayList<>();

        Page step(Page page) {
            pages.add(page);
            return page;
        }

        void assertNoServerError() {
            assertThat(pages).allSatisfy(page -> assertThat(page.status())
                    .as(page.uri() + " answered:\n" + page.body()).isLessThan(500));
        }
    }

    @Nested
    class Headers {

        private Page signInThroughDemoRealm(HttpSession browser, Journey journey) {
            FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "sweep");
            URI authorization = demoAuthorization();
            Page page = journey.step(LoginJourney.password(browser, authorization, user.username(), user.password()));
            if (LoginJourney.isConsentPage(page)) {
                page = journey.step(LoginJourney.accept(browser, page));
            }
            page = journey.step(LoginJourney.deviceCheck(browser, page));
            if (LoginJourney.isOtpPage(page)) {
                page = journey.step(LoginJourney.otpFromOutbox(browser, page, outbox, user.email()));
            }
            return page;
        }

        @Test
        void aWellFormedAcceptLanguageLongerThanItsColumnStillSignsIn() {
            HttpSession browser = new HttpSession().from("89.160.20.112").header("Accept-Language", LONG_VALID_LANGUAGE);
            Journey journey = new Journey();

            Page last = signInThroughDemoRealm(browser, journey);

            journey.assertNoServerError();
            assertThat(last.isRedirect()).as("signed in: " + last.body()).isTrue();
            assertThat(last.location().toString()).contains("code=");
        }

        @Test
        void oversizedAndOddBrowserHeadersStillSignIn() {
            Map<String, String> hostile = new LinkedHashMap<>();
            hostile.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) " + "Gecko/20100101 Firefox/128.0 ".repeat(200));
            hostile.put("Accept-Language", "en;q=0.9,".repeat(700));
            hostile.put("User-Agent ", "() { :; }; <script>alert(1)</script> ' OR 1=1 --");
            for (Map.Entry<String, String> header : hostile.entrySet()) {
                HttpSession browser = new HttpSession().from("89.160.20.112").header(header.getKey().trim(), header.getValue());
                Journey journey = new Journey();

                Page last = signInThroughDemoRealm(browser, journey);

                journey.assertNoServerError();
                assertThat(last.isRedirect()).as(header.getKey() + " signed in: " + last.body()).isTrue();
            }
        }

        /** Keycloak itself refuses a malformed Accept-Language (its locale selection parses it): never with a 5xx. */
        @Test
        void aMalformedAcceptLanguageNeverGivesA5xx() {
            HttpSession browser = new HttpSession().from("89.160.20.112").header("Accept-Language", "**;q=nonsense,--,;;");
            Journey journey = new Journey();

            journey.step(browser.getFollowingRedirects(demoAuthorization()));

            journey.assertNoServerError();
        }

        @Test
        void forwardedForInEveryShapeNeverGivesA5xx() {
            // Not longer than Keycloak's own event column (255), and never empty: a longer "address" from the trusted proxy
            // fails Keycloak's event store, an empty one Vert.x's proxy parsing, before any Vigil code runs
            // (docs/security.md: the proxy must overwrite the header with the address it saw).
            List<String> shapes = List.of("not-an-address", "999.999.999.999", "89.160.20.112, 81.2.69.142",
                    "2001:db8::1", "[2001:db8::1]:443", "89.160.20.112:8080", "unknown", "x".repeat(200));
            for (String forwardedFor : shapes) {
                Journey journey = new Journey();

                signInThroughDemoRealm(new HttpSession().from(forwardedFor), journey);

                journey.assertNoServerError();
            }
        }
    }

    @Nested
    class FormFields {

        @Test
        void theDeviceCheckTakesAnyFingerprintWithoutA5xx() {
            for (String fingerprint : List.of("x".repeat(100_000), "<script>", "=".repeat(43), "\u00e9\u4e2d\ud83d\ude00")) {
                HttpSession browser = new HttpSession().from("89.160.20.112");
                FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "sweep-fp");
                URI authorization = demoAuthorization();
                Journey journey = new Journey();
                Page page = journey.step(LoginJourney.password(browser, authorization, user.username(), user.password()));
                page = journey.step(LoginJourney.accept(browser, page));
                assertThat(LoginJourney.isDeviceCheckPage(page)).as(page.body()).isTrue();

                journey.step(browser.submit(page, LoginJourney.DEVICE_CHECK_FORM, Map.of("fingerprint", fingerprint)));

                journey.assertNoServerError();
            }
        }

        @Test
        void theConsentFormTakesOddFieldsWithoutA5xx() {
            HttpSession browser = new HttpSession().from("89.160.20.112");
            FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "sweep-consent");
            URI authorization = demoAuthorization();
            Journey journey = new Journey();
            Page consent = journey.step(LoginJourney.password(browser, authorization, user.username(), user.password()));
            assertThat(LoginJourney.isConsentPage(consent)).isTrue();

            Page neither = journey.step(browser.submit(consent, LoginJourney.CONSENT_FORM, Map.of("purpose", "x".repeat(50_000))));
            Page both = journey.step(browser.submit(neither.status() == 200 && LoginJourney.isConsentPage(neither) ? neither : consent,
                    LoginJourney.CONSENT_FORM, Map.of("accept", "x".repeat(50_000), "refuse", "")));

            journey.assertNoServerError();
            assertThat(both.status()).isLessThan(500);
        }

        @Test
        void theCodeFormTakesAnyCodeResendAndEmailWithoutA5xx() {
            OtpRealm realm = OtpRealm.create(admin, server, "sweep-otp", Map.of());
            FreshUser user = realm.userWithPhone("sweep", OtpRealm.randomMobile());
            HttpSession browser = new HttpSession();
            Journey journey = new Journey();
            Page page = journey.step(LoginJourney.password(browser, realm.app().begin().authorizationUri(),
                    user.username(), user.password()));
            assertThat(LoginJourney.isOtpPage(page)).isTrue();

            for (String code : List.of("9".repeat(100_000), "", "\u0660\u0661\u0662\u0663\u0664\u0665", "<b>1</b>", "-1")) {
                Page after = journey.step(LoginJourney.otp(browser, page, code));
                page = LoginJourney.isOtpPage(after) ? after : page;
            }
            page = journey.step(LoginJourney.resend(browser, page));
            journey.step(LoginJourney.emailInstead(browser, LoginJourney.isOtpPage(page) ? page : journey.pages.get(0)));

            journey.assertNoServerError();
        }

        @Test
        void phoneEnrolmentTakesAnyNumberWithAClearErrorAndNo5xx() {
            OtpRealm realm = OtpRealm.create(admin, server, "sweep-phone", Map.of());
            FreshUser user = realm.userToEnrol("sweep");
            HttpSession browser = new HttpSession();
            Journey journey = new Journey();
            Page otpPage = journey.step(LoginJourney.password(browser, realm.app().begin().authorizationUri(),
                    user.username(), user.password()));
            Page afterCode = journey.step(LoginJourney.otpFromOutbox(browser, otpPage, outbox, user.email()));
            Page page = journey.step(afterCode.isRedirect() ? browser.getFollowingRedirects(afterCode.location()) : afterCode);
            assertThat(page.document().selectFirst(LoginJourney.PHONE_FORM)).as(page.body()).isNotNull();

            for (String number : List.of("1".repeat(10_000), "+", "++33 6 12", "<script>", "\u0660\u0661\u0662", "")) {
                Page after = journey.step(LoginJourney.enrolPhone(browser, page, number));
                assertThat(after.status()).isLessThan(500);
                assertThat(after.document().select("#vigil-phone-error").text())
                        .as("error for " + number.length() + " characters: " + after.body()).isNotBlank();
                page = after;
            }

            journey.assertNoServerError();
        }
    }

    @Nested
    class Settings {

        /**
         * Each step: every one of its settings set to each hostile value through the admin API, as the console saves
         * it. Numbers, switches and choices are refused with a 400 naming the setting; free text (SIDs, terms
         * version, client IDs) may be saved when it fits; nothing is ever a 5xx.
         */
        @Test
        void everySettingOfEveryStepIsRefusedOrSavedNeverA5xx() {
            for (String step : List.of("vigil-otp", "vigil-risk-evaluation", "vigil-risk-level-condition", "vigil-consent")) {
                AdminApi api = freshAdmin();
                StepRealm realm = StepRealm.create(api, server, "sweep-save", step, Map.of());
                for (JsonNode property : propertiesOf(api, realm, step)) {
                    String name = property.path("name").asText();
                    for (String value : BAD_SETTING_VALUES) {
                        ObjectNode changed = api.get(realm.configPath()).deepCopy();
                        ((ObjectNode) changed.path("config")).put(name, value);

                        HttpResponse<String> saved = api.put(realm.configPath(), changed);

                        String what = step + " " + name + "=" + value.substring(0, Math.min(40, value.length()));
                        if (isTyped(property)) {
                            assertThat(saved.statusCode()).as(what).isEqualTo(400);
                            assertThat(AdminApi.json(saved).path("errorMessage").asText()).as(what).contains(name);
                        } else {
                            assertThat(saved.statusCode()).as(what).isIn(204, 400);
                        }
                    }
                }
            }
        }

        /** A number, a switch or a choice among options, as the admin console shows the setting. */
        private static boolean isTyped(JsonNode property) {
            String type = property.path("type").asText();
            // The terms version is a label that merely defaults to "1".
            return type.equals("boolean") || type.equals("List") || type.equals("MultivaluedList")
                    || property.path("defaultValue").asText().matches("-?[0-9.E-]+") && !property.path("name").asText().equals("termsVersion");
        }

        /**
         * Each step with every setting planted at once at each hostile value (import bypasses save-time checks). The
         * risk-level condition is left out: Keycloak only evaluates it inside a conditional sub-flow.
         */
        @Test
        void everyPlantedBadSettingGivesAClearPageNeverA5xx() {
            for (String step : List.of("vigil-otp", "vigil-risk-evaluation", "vigil-consent")) {
                AdminApi names = freshAdmin();
                List<String> properties = propertiesOf(names, StepRealm.create(names, server, "sweep-names", step, Map.of()), step)
                        .stream().map(property -> property.path("name").asText()).toList();
                for (String value : BAD_SETTING_VALUES) {
                    AdminApi api = freshAdmin();
                    Map<String, String> planted = new LinkedHashMap<>();
                    properties.forEach(property -> planted.put(property, value));
                    StepRealm realm = StepRealm.create(api, server, "sweep-planted", step, planted);
                    FreshUser user = realm.user("planted");
                    HttpSession browser = new HttpSession();
                    Journey journey = new Journey();

                    Page page = journey.step(LoginJourney.password(browser, realm.app().begin().authorizationUri(),
                            user.username(), user.password()));
                    if (LoginJourney.isConsentPage(page)) {
                        page = journey.step(LoginJourney.accept(browser, page));
                    }

                    journey.assertNoServerError();
                    assertThat(page.status()).as(step + " with every setting " + value.substring(0, Math.min(40, value.length()))
                            + ":\n" + page.body()).isEqualTo(403);
                }
            }
        }

        /** Admin tokens live a minute; each round of a sweep gets its own. */
        private AdminApi freshAdmin() {
            return new AdminApi(server);
        }

        private List<JsonNode> propertiesOf(AdminApi api, StepRealm realm, String step) {
            JsonNode description = api.get("/realms/" + realm.name() + "/authentication/config-description/" + step);
            List<JsonNode> properties = new ArrayList<>();
            description.path("properties").forEach(properties::add);
            assertThat(properties).as(step + " settings").isNotEmpty();
            return properties;
        }
    }
}
