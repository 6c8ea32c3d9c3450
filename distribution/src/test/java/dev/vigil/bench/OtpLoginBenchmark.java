package dev.vigil.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;

/**
 * What the Vigil OTP step adds to a login, measured on the assembled server over loopback HTTP and
 * printed (not a test). Two realms differ only by the step: "password" (password form alone) and "otp"
 * (password form, then Vigil OTP on the outbox channel). For each login the server's work is timed from
 * the moment the password is posted to the redirect back to the client: in the otp realm that is the
 * password post (which also issues and writes the code) plus the code post. The figure is the median of
 * the otp logins minus the median of the password logins. Delivery is the outbox's file append, timed
 * apart by the outbox itself being a local file write of one line (tens of microseconds).
 *
 * <p>Run: see README, "Measured: time added by the OTP step".
 */
public final class OtpLoginBenchmark {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    private static final int LOGINS = Integer.getInteger("bench.logins", 1000);
    private static final int USERS = 10;

    public static void main(String[] args) {
        try (VigilServer server = VigilServer.withTestGeoIp("bench").start()) {
            AdminApi admin = new AdminApi(server);
            // Limits as loose as the server allows: the benchmark measures the step, not its refusals.
            Map<String, String> unlimited = Map.of("maxSendsPerPhonePerHour", "1000", "maxFailuresPerUserPerHour", "100");
            OtpRealm otp = OtpRealm.create(admin, server, "bench-otp", unlimited);
            OtpRealm password = OtpRealm.create(admin, server, "bench-password", unlimited);
            AdminApi.expect(204, admin.put("/realms/" + password.name(), Map.of("browserFlow", "browser")));
            // The password check is the same in both realms and cancels out; a cheap hash keeps it from
            // dominating (Keycloak's default, Argon2, takes hundreds of milliseconds on a small machine).
            for (OtpRealm realm : List.of(otp, password)) {
                AdminApi.expect(204, admin.put("/realms/" + realm.name(),
                        Map.of("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)")));
            }
            Outbox outbox = new Outbox(server);

            // Ten users share the logins, each under the per-number limit of the hour.
            List<String> phones = new ArrayList<>();
            List<FreshUser> otpUsers = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                phones.add(OtpRealm.randomMobile());
                otpUsers.add(otp.userWithPhone("bench", phones.get(i)));
            }
            FreshUser passwordUser = password.user("bench");
            List<Long> withOtp = new ArrayList<>();
            List<Long> passwordOnly = new ArrayList<>();
            for (int i = 0; i < WARM_UP + LOGINS; i++) {
                long otpNanos = otpLogin(otp, otpUsers.get(i % USERS), outbox, phones.get(i % USERS));
                long passwordNanos = passwordLogin(password, passwordUser);
                if (i >= WARM_UP) {
                    withOtp.add(otpNanos);
                    passwordOnly.add(passwordNanos);
                }
            }
            report(withOtp, passwordOnly);
        }
        // The Twilio double the test server is wired to keeps a Vert.x event loop, which is not a daemon thread.
        System.exit(0);
    }

    private static long otpLogin(OtpRealm realm, FreshUser user, Outbox outbox, String phone) {
        HttpSession browser = new HttpSession();
        Page login = browser.getFollowingRedirects(realm.app().begin().authorizationUri());
        long start = System.nanoTime();
        Page otpPage = browser.submit(login, LoginJourney.LOGIN_FORM, Map.of("username", user.username(), "password", user.password()));
        long afterPassword = System.nanoTime();
        String code = outbox.latestCode(phone); // reading the "phone" is the user's time, not the server's
        long beforeCode = System.nanoTime();
        Page back = LoginJourney.otp(browser, otpPage, code);
        long end = System.nanoTime();
        requireSignedIn(back);
        return (afterPassword - start) + (end - beforeCode);
    }

    private static long passwordLogin(OtpRealm realm, FreshUser user) {
        HttpSession browser = new HttpSession();
        Page login = browser.getFollowingRedirects(realm.app().begin().authorizationUri());
        long start = System.nanoTime();
        Page back = browser.submit(login, LoginJourney.LOGIN_FORM, Map.of("username", user.username(), "password", user.password()));
        long end = System.nanoTime();
        requireSignedIn(back);
        return end - start;
    }

    private static void requireSignedIn(Page page) {
        if (!page.isRedirect() || !page.location().toString().startsWith(OtpRealm.CALLBACK.toString())) {
            throw new IllegalStateException("login did not complete: HTTP " + page.status() + "\n" + page.body());
        }
    }

    private static void report(List<Long> withOtp, List<Long> passwordOnly) {
        Duration otpMedian = percentile(withOtp, 50);
        Duration passwordMedian = percentile(passwordOnly, 50);
        System.out.printf("%nVigil OTP step, %d logins each after %d warm-up logins (outbox channel, loopback HTTP)%n",
                withOtp.size(), WARM_UP);
        System.out.printf("  password only      median %s  p90 %s%n", ms(passwordMedian), ms(percentile(passwordOnly, 90)));
        System.out.printf("  password + OTP     median %s  p90 %s%n", ms(otpMedian), ms(percentile(withOtp, 90)));
        System.out.printf("  added by the step  median %s%n%n", ms(otpMedian.minus(passwordMedian)));
    }

    private static Duration percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return Duration.ofNanos(sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)));
    }

    private static String ms(Duration duration) {
        return String.format("%.2f ms", duration.toNanos() / 1_000_000.0);
    }

    private OtpLoginBenchmark() {
    }
}
