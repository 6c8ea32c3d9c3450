package dev.vigil.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.vigil.it.support.HttpSession.Page;

/**
 * A realm whose risk level is chosen by the address a login comes from, for tests of what each level allows:
 * Linköping is a trusted network (LOW, no code), Milton a new place (MEDIUM for a new user: too few logins to trust
 * the model), Changchun a denied network (HIGH, stepped up to a code rather than refused). No e-mails about new
 * devices or countries, so the outbox holds only codes.
 */
public final class LevelsByAddress {

    /** Linköping, trusted here: LOW, no code asked at sign-in. */
    public static final String LOW = "89.160.20.112";
    /** Milton (US), neither trusted nor denied: a new user's login is MEDIUM. */
    public static final String MEDIUM = "216.160.83.56";
    /** Changchun, deny-listed here: HIGH, which steps up to a code instead of being refused. */
    public static final String HIGH = "175.16.199.7";

    private LevelsByAddress() {
    }

    /** A new OTP realm (name starting with {@code prefix}) with the risk step set as above. */
    public static OtpRealm create(AdminApi admin, VigilNode server, String prefix) {
        return OtpRealm.createWithRiskStepUp(admin, server, prefix, Map.of(), Map.of(
                "mode", "enforce",
                "highRiskAction", "step-up",
                "trustedNetworks", LOW + "/32",
                "trustedNetworkSteps", "2",
                "deniedNetworks", "175.16.199.0/24",
                "notifyNewDevice", "false",
                "notifyNewCountry", "false"));
    }

    /** The account API with an access token from a LOW login to {@code realm}: the password alone, no code asked. */
    public static BearerClient accountApiAfterLowLogin(OtpRealm realm, FreshUser user) {
        OidcRelyingParty app = realm.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);
        Page done = LoginJourney.signIn(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(done.isRedirect()).as("signed in on the password alone: " + done.body()).isTrue();
        return new BearerClient(app.finish(attempt, done.location()).tokens().getAccessToken().getValue()).acceptingJson();
    }
}
