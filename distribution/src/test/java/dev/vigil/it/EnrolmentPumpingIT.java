package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SMS pumping through phone enrolment and sign-in: one account cycling numbers, one session, one IPv6 /64,
 * limits that refuse late without spending the earlier ones, and one account against the realm's budget.
 */
@ExtendWith(VigilServerExtension.class)
class EnrolmentPumpingIT {

    private static final String LIMITED = "Too many codes have been requested. Please try again later.";
    private static final String ENROLMENT_ERROR = "CUSTOM_REQUIRED_ACTION_ERROR";

    private VigilServer server;
    private AdminApi admin;
    private Outbox outbox;

    @BeforeEach
    void server(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        outbox = new Outbox(server);
    }

    @Test
    void oneAccountCyclingNumbersIsCappedAcrossNumbers() {
        OtpRealm realm = OtpRealm.create(admin, server, "pump-user", Map.of("maxSendsPerUserPerHour", "3"));
        FreshUser user = realm.userToEnrol("cycler");
        HttpSession browser = new HttpSession();
        Page phonePage = phonePageAfterEmailCode(realm, browser, user);

        String first = OtpRealm.randomMobile();
        phonePage = anotherNumber(browser, LoginJourney.enrolPhone(browser, phonePage, first));
        String second = OtpRealm.randomMobile();
        phonePage = anotherNumber(browser, LoginJourney.enrolPhone(browser, phonePage, second));
        String third = OtpRealm.randomMobile();
        Page refused = LoginJourney.enrolPhone(browser, phonePage, third);

        assertThat(outbox.messagesTo(first)).hasSize(1);
        assertThat(outbox.messagesTo(second)).hasSize(1);
        assertThat(outbox.messagesTo(third)).as("the fourth code of the account in the hour").isEmpty();
        assertThat(refused.document().select("#vigil-phone-error").text()).isEqualTo(LIMITED);
        assertLimitEvent(realm, user, ENROLMENT_ERROR, "per_user_hour");
    }

    @Test
    void oneSessionIsCappedAcrossNumbers() {
        OtpRealm realm = OtpRealm.create(admin, server, "pump-session", Map.of("maxSendsPerSession", "2"));
        FreshUser user = realm.userToEnrol("session");
        HttpSession browser = new HttpSession();
        Page phonePage = phonePageAfterEmailCode(realm, browser, user);

        String first = OtpRealm.randomMobile();
        phonePage = anotherNumber(browser, LoginJourney.enrolPhone(browser, phonePage, first));
        String second = OtpRealm.randomMobile();
        Page refused = LoginJourney.enrolPhone(browser, phonePage, second);

        assertThat(outbox.messagesTo(first)).hasSize(1);
        assertThat(outbox.messagesTo(second)).isEmpty();
        assertThat(refused.document().select("#vigil-phone-error").text()).isEqualTo(LIMITED);
        assertLimitEvent(realm, user, ENROLMENT_ERROR, "per_session");
    }

    @Test
    void twoIpv6AddressesOfOneSlash64ShareTheirCap() {
        OtpRealm realm = OtpRealm.create(admin, server, "pump-ipv6", Map.of("maxSendsPerIpPerHour", "1"));
        String firstPhone = OtpRealm.randomMobile();
        codePage(realm, realm.userWithPhone("v6a", firstPhone), "2001:db8:1:2:aaaa::1");
        assertThat(outbox.messagesTo(firstPhone)).hasSize(1);

        String neighbourPhone = OtpRealm.randomMobile();
        FreshUser neighbour = realm.userWithPhone("v6b", neighbourPhone);
        Page refused = codePage(realm, neighbour, "2001:db8:1:2:bbbb:cccc:dddd:2");

        assertThat(refused.document().select("#vigil-otp-error").text()).isEqualTo(LIMITED);
        assertThat(outbox.messagesTo(neighbourPhone)).as("same /64, same cap").isEmpty();
        assertLimitEvent(realm, neighbour, "LOGIN_ERROR", "per_ip_hour");

        String elsewherePhone = OtpRealm.randomMobile();
        codePage(realm, realm.userWithPhone("v6c", elsewherePhone), "2001:db8:1:3::1");
        assertThat(outbox.messagesTo(elsewherePhone)).as("another /64 has its own cap").hasSize(1);
    }

    @Test
    void aSendRefusedByALaterLimitLeavesTheEarlierWindowsUntouched() {
        OtpRealm realm = OtpRealm.create(admin, server, "pump-all-or-none",
                Map.of("maxSendsPerIpPerHour", "1", "maxSendsPerPhonePerHour", "2"));
        String phone = OtpRealm.randomMobile();
        FreshUser user = realm.userWithPhone("atomic", phone);
        codePage(realm, user, "216.160.83.56");
        Page refusedByAddress = codePage(realm, user, "216.160.83.56");
        assertThat(refusedByAddress.document().select("#vigil-otp-error").text()).isEqualTo(LIMITED);

        Page fromElsewhere = codePage(realm, user, "89.160.20.112");

        assertThat(fromElsewhere.document().select("#vigil-otp-error")).as("the number's window kept its second slot").isEmpty();
        assertThat(outbox.messagesTo(phone)).hasSize(2);
    }

    @Test
    void oneAccountCannotSpendTheRealmsBudgetOfEveryoneElse() {
        OtpRealm realm = OtpRealm.create(admin, server, "pump-share", Map.of("maxSendsPerRealmPerMinute", "4"));
        FreshUser pumper = realm.userToEnrol("pumper");
        HttpSession browser = new HttpSession();
        Page page = phonePageAfterEmailCode(realm, browser, pumper);
        int sentToNumbers = 0;
        for (int i = 0; i < 4; i++) {
            String number = OtpRealm.randomMobile();
            page = LoginJourney.enrolPhone(browser, page, number);
            if (outbox.messagesTo(number).isEmpty()) {
                break;
            }
            sentToNumbers++;
            page = anotherNumber(browser, page);
        }
        assertThat(sentToNumbers + 1).as("codes the one account got, with its e-mail code").isEqualTo(2);

        String phone = OtpRealm.randomMobile();
        Page other = codePage(realm, realm.userWithPhone("other", phone), "89.160.20.112");

        assertThat(other.document().select("#vigil-otp-error")).isEmpty();
        assertThat(outbox.messagesTo(phone)).as("another user still gets a code").hasSize(1);
    }

    /** Password and the code e-mailed to the verified address: enrolment of a first phone follows. */
    private Page phonePageAfterEmailCode(OtpRealm realm, HttpSession browser, FreshUser user) {
        Page otpPage = LoginJourney.password(browser, realm.app().begin().authorizationUri(), user.username(), user.password());
        Page afterCode = LoginJourney.otpFromOutbox(browser, otpPage, outbox, user.email());
        Page phonePage = afterCode.isRedirect() ? browser.getFollowingRedirects(afterCode.location()) : afterCode;
        assertThat(phonePage.document().select(LoginJourney.PHONE_FORM)).as(phonePage.body()).hasSize(1);
        return phonePage;
    }

    /** "Use another number" on the code page of enrolment. */
    private static Page anotherNumber(HttpSession browser, Page codePage) {
        assertThat(isOtpPage(codePage)).as(codePage.body()).isTrue();
        Page phonePage = browser.submit(codePage, LoginJourney.OTP_RESEND_FORM, Map.of("change", ""));
        assertThat(phonePage.document().select(LoginJourney.PHONE_FORM)).as(phonePage.body()).hasSize(1);
        return phonePage;
    }

    private static Page codePage(OtpRealm realm, FreshUser user, String address) {
        HttpSession browser = new HttpSession().from(address);
        Page page = LoginJourney.password(browser, realm.app().begin().authorizationUri(), user.username(), user.password());
        assertThat(isOtpPage(page)).as(page.body()).isTrue();
        return page;
    }

    private static void assertLimitEvent(OtpRealm realm, FreshUser user, String type, String limit) {
        assertThat(realm.vigilEvents(user, type, "VIGIL_OTP_SEND_LIMITED"))
                .as("events: " + realm.events(user, type))
                .anySatisfy(event -> assertThat(event.path("details").path("vigil_limit").asText()).isEqualTo(limit));
    }
}
