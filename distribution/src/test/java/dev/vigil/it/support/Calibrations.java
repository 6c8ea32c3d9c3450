package dev.vigil.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.HttpSession.Page;

/** What the calibration ITs share: the admin endpoint's path, a login that must succeed, and its event's details. */
public final class Calibrations {

    /** Calibrated thresholds with small sample sizes, so that two users with three logins each are enough. */
    public static final Map<String, String> CALIBRATED = Map.of(
            "thresholdMode", "calibrated",
            "calibrationTarget", "catch-attacks",
            "calibrationAttacksCaughtPercent", "99",
            "calibrationMinUsers", "2",
            "calibrationMinLogins", "2");

    private Calibrations() {
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
