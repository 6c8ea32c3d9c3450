package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bursts of wrong codes from many sessions of one user while Keycloak's brute-force detection locks that user:
 * every answer is a page, never a 5xx, and the locked user is not signed in even with the right code.
 */
@ExtendWith(VigilServerExtension.class)
class OtpLockedBurstIT {

    private static final int SESSIONS = 12;

    private record Attempt(HttpSession browser, Page page, String code) {
    }

    @Test
    void burstsOfWrongCodesThatLockTheUserNeverGetA5xx(VigilServer server) throws Exception {
        AdminApi admin = new AdminApi(server);
        OtpRealm realm = OtpRealm.create(admin, server, "otp-locked-burst", Map.of("maxAttemptsPerCode", "10",
                "maxFailuresPerUserPerHour", "100", "maxSendsPerPhonePerHour", "1000"));
        realm.updateRealm(Map.of("bruteForceProtected", true, "failureFactor", 3, "waitIncrementSeconds", 600,
                "maxFailureWaitSeconds", 900));
        String phone = OtpRealm.randomMobile();
        FreshUser user = realm.userWithPhone("burst", phone);
        Outbox outbox = new Outbox(server);
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            HttpSession browser = new HttpSession();
            Page page = LoginJourney.password(browser, realm.app().begin().authorizationUri(), user.username(), user.password());
            assertThat(isOtpPage(page)).as(page.body()).isTrue();
            attempts.add(new Attempt(browser, page, outbox.latestCode(phone)));
        }

        List<Page> answers = new ArrayList<>(burst(attempts));
        List<Attempt> next = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            next.add(new Attempt(attempts.get(i).browser(), answers.get(i), attempts.get(i).code()));
        }
        String status = "/realms/" + realm.name() + "/attack-detection/brute-force/users/" + user.id();
        // Keycloak counts failures on its own executor, after the response: wait for the lock, briefly.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!admin.get(status).path("disabled").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(admin.get(status).path("disabled").asBoolean()).as("Keycloak locked the user").isTrue();
        List<Page> whileLocked = burst(next);
        answers.addAll(whileLocked);
        Page right = LoginJourney.otp(next.get(0).browser(), whileLocked.get(0), next.get(0).code());
        answers.add(right);

        assertThat(answers).allSatisfy(page -> assertThat(page.status()).as(page.body()).isLessThan(500));
        assertThat(right.isRedirect()).as("no sign-in while locked").isFalse();
    }

    /** Every session still on a code page posts a wrong code, all at once. */
    private static List<Page> burst(List<Attempt> attempts) throws Exception {
        return SimultaneousStart.run(attempts.size(), Duration.ofSeconds(90), i -> {
            Attempt attempt = attempts.get(i);
            String wrong = attempt.code().equals("000000") ? "111111" : "000000";
            return attempt.page().document().selectFirst(LoginJourney.OTP_FORM) == null
                    ? attempt.page()
                    : LoginJourney.otp(attempt.browser(), attempt.page(), wrong);
        });
    }
}
