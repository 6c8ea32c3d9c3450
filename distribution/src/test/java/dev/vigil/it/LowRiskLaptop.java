package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;

/**
 * A new demo-realm user whose laptop already signed in through the public app, each login completed (the code typed
 * when asked), so that the laptop's next logins are LOW: once from Milton, US, for the step-up tests (that first login
 * was stepped up, too few logins to trust, and remembered the device), or three times from home for the known-device
 * tests (the laptop's fingerprint then known on that network too). The laptop keeps the device cookie, not the SSO
 * session.
 */
record LowRiskLaptop(OidcRelyingParty app, Outbox outbox, FreshUser user, HttpSession laptop) {

    private static final String MILTON = "216.160.83.56";

    static LowRiskLaptop signedInOnce(VigilServer server, AdminApi admin, URI appCallback, String usernamePrefix) {
        LowRiskLaptop fixture = notYetSignedIn(server, admin, appCallback, usernamePrefix, new HttpSession().from(MILTON));
        Attempt first = fixture.app.begin();
        fixture.app.finish(first, fixture.signInCompletely(first).location());
        fixture.laptop.forgetSignIn();
        return fixture;
    }

    /** {@code laptop} gives the home address and the browser's headers. */
    static LowRiskLaptop signedInThreeTimesAtHome(VigilServer server, AdminApi admin, URI appCallback, String usernamePrefix,
            HttpSession laptop) {
        LowRiskLaptop fixture = notYetSignedIn(server, admin, appCallback, usernamePrefix, laptop);
        for (int i = 0; i < 3; i++) {
            laptop.forgetSignIn();
            Page end = fixture.signInCompletely(fixture.app.begin());
            assertThat(end.isRedirect()).as("earlier sign-in %s ends at the site", i + 1).isTrue();
        }
        laptop.forgetSignIn();
        return fixture;
    }

    private static LowRiskLaptop notYetSignedIn(VigilServer server, AdminApi admin, URI appCallback, String usernamePrefix,
            HttpSession laptop) {
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, appCallback);
        return new LowRiskLaptop(app, new Outbox(server), FreshUser.in(admin, DemoRealm.REALM, usernamePrefix), laptop);
    }

    private Page signInCompletely(Attempt attempt) {
        return LoginJourney.signInCompletely(laptop, attempt.authorizationUri(), user, outbox);
    }

    /** Password (and the device check), then the code page must come: the code is typed, the tokens returned. */
    IDTokenClaimsSet passwordAndCode(Attempt attempt) {
        Page afterPassword = LoginJourney.signIn(laptop, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isOtpPage(afterPassword)).as("the code is asked").isTrue();
        Page back = LoginJourney.otpFromOutbox(laptop, afterPassword, outbox, user.email());
        return app.finish(attempt, back.location()).idToken();
    }
}
