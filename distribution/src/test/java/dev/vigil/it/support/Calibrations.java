package dev.vigil.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.HttpSession.Page;

/**
 * What the calibration ITs share: the admin endpoint's path, small-sample settings, a realm's history of two users,
 * a login that must succeed, and its event's details.
 */
public final class Calibrations {

    /** Calibrated thresholds with small sample sizes, so that two users with three logins each are enough. */
    public static final Map<String, String> CALIBRATED = Map.of(
            "thresholdMode", "calibrated",
            "calibrationTarget", "catch-attacks",
            "calibrationAttacksCaughtPercent", "99",
            "calibrationMinUsers", "2",
            "calibrationMinLogins", "2");

    /** Where the users' laptop signs in from (Linköping in MaxMind's test databases). */
    public static final String LINKOPING = "89.160.20.112";
    private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0";

    private Calibrations() {
    }

    /** The users' usual browser: Firefox on a Linux laptop in Linköping. */
    public static HttpSession laptop() {
        return new HttpSession().from(LINKOPING).header("User-Agent", FIREFOX_ON_LINUX);
    }

    /** Two new users of the realm, each signed in three times from their own laptop: enough for {@link #CALIBRATED}. */
    public static List<FreshUser> twoUsersSignedInThreeTimes(AdminApi admin, String realm, OidcRelyingParty app,
                                                             Outbox outbox, String prefix) {
        List<FreshUser> users = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            FreshUser user = FreshUser.in(admin, realm, prefix);
            HttpSession laptop = laptop();
            for (int i = 0; i < 3; i++) {
                signIn(laptop, app, user, outbox);
            }
            users.add(user);
        }
        return users;
    }

    /** Runs {@code body} with the realm's risk step set to {@link #CALIBRATED}, its settings restored after. */
    public static void whileCalibrated(AdminApi admin, String realm, StepSettings.ThrowingRunnable body) throws Exception {
        StepSettings.risk(admin, realm).with(config -> {
            CALIBRATED.forEach(config::put);
            return config;
        }, body);
    }

    /** {@code /realms/{realm}/vigil-risk/calibration}, under the admin API's base. */
    public static String calibrationPath(String realm) {
        return "/realms/" + realm + "/vigil-risk/calibration";
    }

    /** One whole login (terms, device check, and the code from the outbox when asked); signed in, not refused. */
    public static void signIn(HttpSession browser, OidcRelyingParty app, FreshUser user, Outbox outbox) {
        browser.forgetSignIn();
        Page page = LoginJourney.signIn(browser, app.begin().authorizationUri(), user.username(), user.password());
        Page end = LoginJourney.isOtpPage(page) ? LoginJourney.otpFromOutbox(browser, page, outbox, user.email()) : page;
        assertThat(end.isRedirect()).as("signed in, not %s", end.status()).isTrue();
    }

    /** The details of the user's latest LOGIN event in the realm. */
    public static JsonNode lastLogin(AdminApi admin, String realm, FreshUser user) {
        JsonNode events = admin.get("/realms/" + realm + "/events?user=" + user.id() + "&type=LOGIN&max=1");
        assertThat(events).as("a LOGIN event of the user").isNotEmpty();
        return events.get(0).path("details");
    }
}
