package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in with the Vigil OTP step on the development outbox channel: the code, its single use, its binding. */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtpOutboxSignInIT {

    private VigilServer server;
    private OtpRealm realm;
    private Outbox outbox;

    @BeforeAll
    void realm(VigilServer server) {
        this.server = server;
        realm = OtpRealm.create(new AdminApi(server), server, "otp-outbox", Map.of("channel", "outbox"));
        outbox = new Outbox(server);
    }

    @Nested
    class AUserWithAVerifiedPhone {

        private final String phone = OtpRealm.randomMobile();

        @Test
        void getsACodeByTextMessageAndSignsInWithIt() {
            FreshUser user = realm.userWithPhone("sms", phone);
            OidcRelyingParty app = realm.app();
            OidcRelyingParty.Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page otpPage = LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password());

            assertThat(isOtpPage(otpPage)).isTrue();
            assertThat(otpPage.document().select("#vigil-otp-destination").text())
                    .startsWith("We sent a code by text message to +33 6** ** ** ");
            assertThat(otpPage.document().select("input[name=code]").attr("autocomplete")).isEqualTo("one-time-code");
            Outbox.Message sms = outbox.latestTo(phone).orElseThrow();
            assertThat(sms.channel()).isEqualTo("SMS");
            assertThat(sms.code()).matches("[0-9]{6}");
            assertThat(sms.body()).contains(realm.name()).contains("5 minutes")
                    .endsWith("\n\n@127.0.0.1 #" + sms.code());

            Page back = LoginJourney.otp(browser, otpPage, sms.code());

            assertThat(back.isRedirect()).isTrue();
            assertThat(app.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
            assertThat(server.logText()).doesNotContain(sms.code() + "\n").doesNotContain(phone);
        }

        @Test
        void aWrongCodeIsRefusedWithoutSayingWhatWasWrong() {
            FreshUser user = realm.userWithPhone("wrong", phone2());
            HttpSession browser = new HttpSession();
            Page otpPage = LoginJourney.password(browser, realm.app().begin().authorizationUri(), user.username(), user.password());

            Page refused = LoginJourney.otp(browser, otpPage, "000000".equals(outbox.latestCode(phone2)) ? "111111" : "000000");

            assertThat(isOtpPage(refused)).isTrue();
            assertThat(refused.document().select("#vigil-otp-error").text()).isEqualTo("That code is not right. Check it and try again.");
            assertThat(realm.vigilEvents(user, "LOGIN_ERROR", "VIGIL_OTP_WRONG_CODE")).hasSize(1)
                    .allSatisfy(event -> assertThat(event.path("error").asText()).isEqualTo("invalid_user_credentials"));
        }

        private final String phone2 = OtpRealm.randomMobile();

        private String phone2() {
            return phone2;
        }
    }
}
