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
 * A new demo-realm user whose laptop (in Milton, US) already signed in once through the public app: that first login
 * was stepped up (too few logins to trust) and remembered the device, so the laptop's next logins are LOW. The
 * laptop keeps the device cookie, not the SSO session.
 */
record LowRiskLaptop(OidcRelyingParty app, Outbox outbox, FreshUser user, HttpSession laptop) {

    private static final String MILTON = "216.160.83.56";

    static LowRiskLaptop signedInOnce(VigilServer server, AdminApi admin, URI appCallback, String usernamePrefix) {
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, appCallback);
        Outbox outbox = new Outbox(server);
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, usernamePrefix);
        HttpSession laptop = new HttpSession().from(MILTON);
        Attempt first = app.begin();
        app.finish(first, LoginJourney.signInCompletely(laptop, first.authorizationUri(), user, outbox).location());
        laptop.forgetSignIn();
        return new LowRiskLaptop(app, outbox, user, laptop);
    }

    /** Password (and the device check), then the code page must come: the code is typed, the tokens returned. */
    IDTokenClaimsSet passwordAndCode(Attempt attempt) {
        Page afterPassword = LoginJourney.signIn(laptop, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isOtpPage(afterPassword)).as("the code is asked").isTrue();
        Page back = LoginJourney.otpFromOutbox(laptop, afterPassword, outbox, user.email());
        return app.finish(attempt, back.location()).idToken();
    }
}
