package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreePorts;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.TwilioDouble;
import dev.vigil.it.support.TwilioDouble.Sms;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real channels: the Twilio SDK inside the server against the local Twilio double (Messaging and
 * Verify, their error codes and a timeout), and e-mail through Keycloak's mail sender to a local SMTP server.
 */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtpDeliveryIT {

    private static final String ERROR = "#vigil-otp-error";

    private final TwilioDouble twilio = TwilioDouble.shared();
    private final GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private VigilServer server;
    private AdminApi admin;

    @BeforeAll
    void start(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        smtp.start();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    private OtpRealm realm(String prefix, Map<String, String> settings) {
        OtpRealm realm = OtpRealm.create(admin, server, prefix, settings);
        realm.updateRealm(Map.of("smtpServer", Map.of(
                "host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()), "from", "vigil@example.test")));
        return realm;
    }

    private static Page untilOtp(HttpSession browser, OtpRealm realm, OidcRelyingParty.Attempt attempt, FreshUser user) {
        Page page = LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(isOtpPage(page)).as("OTP step asked").isTrue();
        return page;
    }

    private MimeMessage latestMailTo(String address) throws Exception {
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessagesForDomain(address);
        assertThat(mails).isNotEmpty();
        return mails[mails.length - 1];
    }

    private static String codeOfMail(MimeMessage mail) {
        Matcher code = Pattern.compile("sign-in code is ([0-9A-Z]{6,10})").matcher(GreenMailUtil.getBody(mail));
        assertThat(code.find()).as("a code in the mail").isTrue();
        return code.group(1);
    }

    @Nested
    class TwilioMessaging {

        private final OtpRealm realm = realm("otp-twilio", Map.of("channel", "twilio-messaging", "twilioFrom", "+15005550006"));

        @Test
        void signsInWithTheCodeTwilioWasAskedToSend() {
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("twilio", phone);
            OidcRelyingParty app = realm.app();
            OidcRelyingParty.Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page otpPage = untilOtp(browser, realm, attempt, user);

            Sms sms = twilio.messagesTo(phone).get(0);
            assertThat(sms.from()).isEqualTo("+15005550006");
            assertThat(sms.body()).startsWith(realm.name() + " sign-in code: " + sms.code()).endsWith("@127.0.0.1 #" + sms.code());
            Page back = LoginJourney.otp(browser, otpPage, sms.code());
            assertThat(app.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
            assertThat(realm.events(user, "LOGIN").get(0).path("details").path("vigil_otp_channel").asText()).isEqualTo("SMS");
        }

        @Test
        void anInvalidNumberErrorIsExplainedRecordedAndTheUserCanTakeTheCodeByEmail() throws Exception {
            String phone = OtpRealm.randomMobile();
            twilio.failFor(phone, 21211, 400);
            FreshUser user = realm.userWithPhone("t21211", phone);
            OidcRelyingParty app = realm.app();
            OidcRelyingParty.Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page otpPage = untilOtp(browser, realm, attempt, user);

            assertThat(otpPage.document().select(ERROR).text()).isEqualTo("Text messages cannot be delivered to this phone number.");
            assertDeliveryEvent(user, "21211");
            Page byEmail = LoginJourney.emailInstead(browser, otpPage);
            assertThat(byEmail.document().select("#vigil-otp-destination").text()).startsWith("We sent a code by e-mail to ");
            MimeMessage mail = latestMailTo(user.username() + "@example.com");
            assertThat(mail.getSubject()).isEqualTo(realm.name() + ": your sign-in code");
            Page back = LoginJourney.otp(browser, byEmail, codeOfMail(mail));
            assertThat(app.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
        }

        @Test
        void anUnsubscribedNumberIsExplained() {
            String phone = OtpRealm.randomMobile();
            twilio.failFor(phone, 21610, 400);
            FreshUser user = realm.userWithPhone("t21610", phone);

            Page otpPage = untilOtp(new HttpSession(), realm, realm.app().begin(), user);

            assertThat(otpPage.document().select(ERROR).text()).startsWith("This phone number has opted out of our text messages");
            assertDeliveryEvent(user, "21610");
        }

        @Test
        void twilioTooManyRequestsIsExplained() {
            String phone = OtpRealm.randomMobile();
            twilio.failFor(phone, 20429, 429);
            FreshUser user = realm.userWithPhone("t20429", phone);

            Page otpPage = untilOtp(new HttpSession(), realm, realm.app().begin(), user);

            assertThat(otpPage.document().select(ERROR).text()).isEqualTo("Our text message service is busy. Please try again in a moment.");
            assertDeliveryEvent(user, "20429");
        }

        @Test
        void aTwilioThatDoesNotAnswerTimesOutAndTheLoginGoesOn() {
            String phone = OtpRealm.randomMobile();
            twilio.delayFor(phone, VigilServer.TWILIO_TIMEOUT.plusSeconds(5));
            FreshUser user = realm.userWithPhone("timeout", phone);
            Instant before = Instant.now();

            Page otpPage = untilOtp(new HttpSession(), realm, realm.app().begin(), user);

            assertThat(Duration.between(before, Instant.now())).isLessThan(VigilServer.TWILIO_TIMEOUT.plusSeconds(4));
            assertThat(otpPage.document().select(ERROR).text()).isEqualTo("The code could not be sent right now. Please try again later.");
            assertThat(otpPage.document().select("#vigil-otp-email")).as("e-mail offered instead").hasSize(1);
            assertDeliveryEvent(user, "timeout");
        }

        private void assertDeliveryEvent(FreshUser user, String code) {
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_DELIVERY_FAILED"))
                    .anySatisfy(event -> assertThat(event.path("details").path("vigil_delivery_error").asText()).isEqualTo(code));
            assertThat(server.logText()).doesNotContain(user.username() + "@example.com");
        }
    }

    @Nested
    class TwilioVerify {

        private final OtpRealm realm = realm("otp-verify", Map.of("channel", "twilio-verify",
                "twilioVerifyServiceSid", "VA00000000000000000000000000000001"));

        @Test
        void twilioGeneratesAndChecksTheCode() {
            String phone = OtpRealm.randomMobile();
            FreshUser user = realm.userWithPhone("verify", phone);
            OidcRelyingParty app = realm.app();
            OidcRelyingParty.Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();
            Page otpPage = untilOtp(browser, realm, attempt, user);
            String code = twilio.verificationCode(phone).orElseThrow();

            Page wrong = LoginJourney.otp(browser, otpPage, code.equals("000000") ? "111111" : "000000");
            assertThat(wrong.document().select(ERROR).text()).isEqualTo("That code is not right. Check it and try again.");
            Page back = LoginJourney.otp(browser, wrong, code);

            assertThat(app.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
            assertThat(twilio.verificationCode(phone)).as("approved at Twilio, so gone").isEmpty();
        }
    }

    @Nested
    class Email {

        private final OtpRealm realm = realm("otp-email", Map.of("channel", "email"));

        @Test
        void theEmailChannelSendsTheCodeThroughTheRealmsSmtpServer() throws Exception {
            FreshUser user = realm.user("mail");
            OidcRelyingParty app = realm.app();
            OidcRelyingParty.Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page otpPage = untilOtp(browser, realm, attempt, user);

            MimeMessage mail = latestMailTo(user.username() + "@example.com");
            assertThat(GreenMailUtil.getBody(mail)).contains("It expires in 5 minutes.");
            Page back = LoginJourney.otp(browser, otpPage, codeOfMail(mail));
            assertThat(app.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
        }
    }
}
