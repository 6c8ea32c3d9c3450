package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.local.SimultaneousStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every safeguard of the codes themselves, on the assembled server over HTTP (outbox channel). */
@ExtendWith(VigilServerExtension.class)
class OtpSecurityIT {

    private static final String ERROR = "#vigil-otp-error";
    /** Codes are digits here, so this is wrong for every code. */
    private static final String NEVER_A_DIGIT_CODE = "abcdef";

    private VigilServer server;
    private AdminApi admin;
    private Outbox outbox;

    @BeforeEach
    void server(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        outbox = new Outbox(server);
    }

    private Session signInUntilOtp(OtpRealm realm, FreshUser user) {
        HttpSession browser = new HttpSession();
        Page page = LoginJourney.password(browser, realm.app().begin().authorizationUri(), user.username(), user.password());
        assertThat(isOtpPage(page)).as("OTP step asked").isTrue();
        return new Session(browser, page);
    }

    private record Session(HttpSession browser, Page page) {
    }

    /** The step the session is at now, as a browser reload shows it (the form's action without its one-time session code). */
    private static Page currentPage(Session session) {
        String action = session.page().document().selectFirst("form#vigil-otp-form").absUrl("action");
        Page page = session.browser().get(java.net.URI.create(action.replaceAll("session_code=[^&]*&", "")));
        assertThat(isOtpPage(page)).as("reloaded code page:\n" + page.body()).isTrue();
        return page;
    }

    private static String wrong(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    @Nested
    class SingleUseAndBinding {

        @Test
        void aCodeThatWorkedOnceNeverWorksAgainNorInAnotherSession() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-once", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("once", phone);
            Session first = signInUntilOtp(realm, user);
            String code = outbox.latestCode(phone);
            assertThat(LoginJourney.otp(first.browser(), first.page(), code).isRedirect()).isTrue();

            Session second = signInUntilOtp(realm, user);
            Page replayed = LoginJourney.otp(second.browser(), second.page(), code);

            assertThat(isOtpPage(replayed)).isTrue();
            assertThat(replayed.document().select(ERROR).text()).isEqualTo("That code is not right. Check it and try again.");
        }

        @Test
        void aCodeIsBoundToTheSessionItWasSentFor() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-bound", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("bound", phone);
            Session a = signInUntilOtp(realm, user);
            String codeOfA = outbox.latestCode(phone);
            Session b = signInUntilOtp(realm, user);
            String codeOfB = outbox.latestCode(phone);
            assertThat(codeOfB).isNotEqualTo(codeOfA);

            Page crossed = LoginJourney.otp(b.browser(), b.page(), codeOfA);

            assertThat(isOtpPage(crossed)).isTrue();
            assertThat(LoginJourney.otp(a.browser(), a.page(), codeOfA).isRedirect()).as("A's own code still works in A").isTrue();
        }

        @Test
        void codesAreNotAcceptedFromAUrl() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-get", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("get", phone);
            Session session = signInUntilOtp(realm, user);
            String action = session.page().document().selectFirst("form#vigil-otp-form").absUrl("action");

            Page viaGet = session.browser().get(java.net.URI.create(action + "&code=" + outbox.latestCode(phone)));

            assertThat(viaGet.isRedirect() && viaGet.location().toString().startsWith(OtpRealm.CALLBACK.toString()))
                    .as("no sign-in from a GET").isFalse();
        }

        @Test
        void anExpiredCodeIsRefused() throws Exception {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-expiry", Map.of("codeLifetimeSeconds", "10"));
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("expiry", phone);
            Session session = signInUntilOtp(realm, user);
            String code = outbox.latestCode(phone);

            Thread.sleep(Duration.ofSeconds(11).toMillis());
            Page late = LoginJourney.otp(session.browser(), session.page(), code);

            assertThat(isOtpPage(late)).isTrue();
            assertThat(late.document().select(ERROR).text()).isEqualTo("This code has expired or was already used. Ask for a new code.");
        }
    }

    @Nested
    class Attempts {

        @Test
        void fiveWrongCodesSpendTheCodeAndOnlyANewCodeWorks() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-five", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("five", phone);
            Session session = signInUntilOtp(realm, user);
            String code = outbox.latestCode(phone);
            Page page = session.page();
            for (int i = 0; i < 5; i++) {
                page = LoginJourney.otp(session.browser(), page, wrong(code));
                assertThat(page.document().select(ERROR).text()).isEqualTo("That code is not right. Check it and try again.");
            }

            Page sixth = LoginJourney.otp(session.browser(), page, code);
            assertThat(sixth.document().select(ERROR).text()).isEqualTo("Too many wrong codes. Ask for a new code.");
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_WRONG_CODE")).hasSize(5);

            Page resent = LoginJourney.resend(session.browser(), sixth);
            String newCode = outbox.latestCode(phone);
            assertThat(newCode).isNotEqualTo(code);
            assertThat(LoginJourney.otp(session.browser(), resent, newCode).isRedirect()).isTrue();
        }

        @Test
        void tenWrongCodesAnHourLockTheUserAcrossResendsAndSessions() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-lock", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("lock", phone);
            Session session = signInUntilOtp(realm, user);
            Page page = session.page();
            for (int round = 0; round < 2; round++) {
                String code = outbox.latestCode(phone);
                for (int i = 0; i < 5; i++) {
                    page = LoginJourney.otp(session.browser(), page, wrong(code));
                }
                page = LoginJourney.resend(session.browser(), page);
            }

            Page locked = LoginJourney.otp(session.browser(), page, outbox.latestCode(phone));

            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.body()).contains("Too many wrong codes have been typed for this account.");
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_LOCKED")).isNotEmpty()
                    .allSatisfy(event -> assertThat(event.path("error").asText()).isEqualTo("vigil_otp_locked"));

            int sent = outbox.messagesTo(phone).size();
            HttpSession another = new HttpSession();
            Page again = LoginJourney.password(another, realm.app().begin().authorizationUri(), user.username(), user.password());
            assertThat(again.status()).as("a new session is locked too").isEqualTo(429);
            assertThat(outbox.messagesTo(phone)).as("and costs no SMS").hasSize(sent);
        }

        @Test
        void fiftyConcurrentWrongCodesNeverGetASixthCheck() throws Exception {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-race", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("race", phone);
            Session session = signInUntilOtp(realm, user);
            String code = outbox.latestCode(phone);
            SimultaneousStart.run(50, Duration.ofSeconds(60),
                    post -> LoginJourney.otp(session.browser(), session.page(), wrong(code)));
            Page page = currentPage(session);

            List<JsonNode> checked = realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_WRONG_CODE");
            assertThat(checked).as("wrong codes actually checked").hasSizeBetween(1, 5);
            // Whatever the race let through, the code allows exactly five checks in all.
            for (int i = checked.size(); i < 5; i++) {
                page = LoginJourney.otp(session.browser(), page, wrong(code));
            }
            Page right = LoginJourney.otp(session.browser(), page, code);
            assertThat(right.isRedirect()).as("the right code after five checks").isFalse();
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_WRONG_CODE")).hasSize(5);
        }

        @Test
        void fiftyConcurrentWrongCodesFromFiftySessionsNeverExceedTheUsersTenAnHour() throws Exception {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-race-user", Map.of("maxSendsPerPhonePerHour", "1000"));
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("raceuser", phone);
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sessions.add(signInUntilOtp(realm, user));
            }
            List<Page> answers = SimultaneousStart.run(sessions.size(), Duration.ofSeconds(60), i -> {
                Session session = sessions.get(i);
                return LoginJourney.otp(session.browser(), session.page(), NEVER_A_DIGIT_CODE);
            });

            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_WRONG_CODE")).as("wrong codes checked").hasSize(10);
            assertThat(answers).filteredOn(answer -> answer.status() == 429).as("the other forty refused unchecked").hasSize(40);
        }

        @Test
        void keycloaksBruteForceDetectionCountsWrongCodes() throws Exception {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-bruteforce", Map.of());
            realm.updateRealm(Map.of("bruteForceProtected", true, "failureFactor", 30));
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("bf", phone);
            Session session = signInUntilOtp(realm, user);
            String code = outbox.latestCode(phone);
            Page page = session.page();
            for (int i = 0; i < 3; i++) {
                page = LoginJourney.otp(session.browser(), page, wrong(code));
            }

            // Keycloak counts failures on its own executor, after the response: wait for it, briefly.
            String status = "/realms/" + realm.name() + "/attack-detection/brute-force/users/" + user.id();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (admin.get(status).path("numFailures").asInt() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(admin.get(status).path("numFailures").asInt()).isEqualTo(3);
        }
    }

    @Nested
    class SendingLimits {

        private static final String LIMITED = "Too many codes have been requested. Please try again later.";

        @Test
        void aResendWithinTheCooldownIsRefusedAndSaysHowLongToWait() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-cooldown", Map.of("resendCooldownSeconds", "30"));
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("cooldown", phone);
            Session session = signInUntilOtp(realm, user);
            assertThat(session.page().document().select("#vigil-otp-resend").hasAttr("disabled")).isTrue();
            assertThat(session.page().document().select("#vigil-otp-cooldown").text()).matches("You can ask for a new code in (29|30) seconds\\.");

            Page refused = LoginJourney.resend(session.browser(), session.page());

            assertThat(refused.document().select(ERROR).text()).matches("Please wait (2[0-9]|30) seconds before asking for a new code\\.");
            assertThat(outbox.messagesTo(phone)).hasSize(1);
            assertLimitEvent(realm, user, "resend_cooldown");
        }

        @Test
        void atMostThreeCodesPerPhoneNumberAnHour() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-per-phone", Map.of());
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("perphone", phone);
            Session session = signInUntilOtp(realm, user);
            Page page = LoginJourney.resend(session.browser(), session.page());
            page = LoginJourney.resend(session.browser(), page);
            assertThat(outbox.messagesTo(phone)).hasSize(3);

            Page fourth = LoginJourney.resend(session.browser(), page);

            assertThat(fourth.document().select(ERROR).text()).isEqualTo(LIMITED);
            assertThat(outbox.messagesTo(phone)).hasSize(3);
            assertLimitEvent(realm, user, "per_destination_hour");
        }

        @Test
        void atMostTheConfiguredCodesPerSourceAddressAnHour() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-per-ip", Map.of("maxSendsPerIpPerHour", "2"));
            for (int i = 0; i < 2; i++) {
                signInUntilOtp(realm, realm.userWithPhone("ip", OtpRealm.randomMobile()));
            }
            String phone = OtpRealm.randomMobile();
            FreshUser third = realm.userWithPhone("ip", phone);

            Session session = signInUntilOtp(realm, third);

            assertThat(session.page().document().select(ERROR).text()).isEqualTo(LIMITED);
            assertThat(outbox.messagesTo(phone)).isEmpty();
            assertLimitEvent(realm, third, "per_ip_hour");
        }

        @Test
        void atMostTheConfiguredCodesPerRealmAMinute() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-per-realm", Map.of("maxSendsPerRealmPerMinute", "2"));
            for (int i = 0; i < 2; i++) {
                signInUntilOtp(realm, realm.userWithPhone("realm", OtpRealm.randomMobile()));
            }
            String phone = OtpRealm.randomMobile();
            FreshUser third = realm.userWithPhone("realm", phone);

            Session session = signInUntilOtp(realm, third);

            assertThat(session.page().document().select(ERROR).text()).isEqualTo(LIMITED);
            assertThat(outbox.messagesTo(phone)).isEmpty();
            assertLimitEvent(realm, third, "per_realm_minute");
        }

        @Test
        void noCodeGoesToACountryOutsideTheAllowList() {
            OtpRealm realm = OtpRealm.create(admin, server, "otp-country", Map.of("allowedCountries", "FR##DE"));
            String russian = "+79123456789";
            FreshUser user = realm.userWithPhone("country", russian);

            Session session = signInUntilOtp(realm, user);

            assertThat(session.page().document().select(ERROR).text())
                    .isEqualTo("Sign-in codes cannot be sent to phone numbers of this country.");
            assertThat(outbox.messagesTo(russian)).isEmpty();
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_COUNTRY_REFUSED")).hasSize(1);
        }

        private void assertLimitEvent(OtpRealm realm, FreshUser user, String limit) {
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_SEND_LIMITED"))
                    .anySatisfy(event -> assertThat(event.path("details").path("vigil_limit").asText()).isEqualTo(limit));
        }
    }
}
