package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LevelMaxAge;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long a step-up counts: a session that reached level 2 is not asked again for {@code acr_values=2} within the
 * site's {@code max_age} and level 2's own max age (an hour in the demo realm); {@code max_age=0} asks for everything
 * again, and once level 2's max age has passed, {@code acr_values=2} asks for a new code. Keycloak counts these ages in
 * whole seconds on its own clock, which a production build cannot move: the tests wait for the second after the
 * authentication (never more than one second, read from the ID token's {@code auth_time}) and shorten level 2's max
 * age to 0 rather than wait an hour.
 */
@ExtendWith(VigilServerExtension.class)
class LevelMaxAgeIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53684/callback");

    private AdminApi admin;
    private LowRiskLaptop fixture;
    private OidcRelyingParty app;
    private Outbox outbox;
    private FreshUser user;
    private HttpSession laptop;

    @BeforeEach
    void aUserWhoseLoginsAreLowRisk(VigilServer server) {
        admin = new AdminApi(server);
        fixture = LowRiskLaptop.signedInOnce(server, admin, APP_CALLBACK, "maxage");
        app = fixture.app();
        outbox = fixture.outbox();
        user = fixture.user();
        laptop = fixture.laptop();
    }

    @Test
    void aSteppedUpSessionWithinTheSitesMaxAgeIsNotAskedAgain() {
        IDTokenClaimsSet steppedUp = fixture.passwordAndCode(app.begin().with("acr_values=2"));

        Attempt again = app.begin().with("acr_values=2&max_age=3600");
        Page back = laptop.get(again.authorizationUri());

        assertThat(back.isRedirect()).as("single sign-on, no page: " + back.body()).isTrue();
        assertThat(back.location().toString()).startsWith(APP_CALLBACK.toString());
        IDTokenClaimsSet bySso = app.finish(again, back.location()).idToken();
        assertThat(bySso.getACR().getValue()).isEqualTo("2");
        assertThat(bySso.getAuthenticationTime()).as("the authentication that stepped up").isEqualTo(steppedUp.getAuthenticationTime());
    }

    @Test
    void maxAge0AsksForThePasswordAndTheCodeAgain() {
        IDTokenClaimsSet steppedUp = fixture.passwordAndCode(app.begin().with("acr_values=2"));
        untilTheSecondAfter(steppedUp.getAuthenticationTime());

        IDTokenClaimsSet again = fixture.passwordAndCode(app.begin().with("acr_values=2&max_age=0"));

        assertThat(again.getACR().getValue()).isEqualTo("2");
        assertThat(again.getAuthenticationTime()).as("a new authentication").isAfter(steppedUp.getAuthenticationTime());
        assertThat(again.getSessionID()).as("same single sign-on session").isEqualTo(steppedUp.getSessionID());
    }

    @Test
    void onceLevel2sMaxAgeHasPassedAcrValues2AsksForANewCodeButNotThePassword() {
        IDTokenClaimsSet steppedUp = fixture.passwordAndCode(app.begin().with("acr_values=2"));

        try (LevelMaxAge expired = LevelMaxAge.set(admin, DemoRealm.REALM, "vigil browser", 2, 0)) {
            untilTheSecondAfter(steppedUp.getAuthenticationTime());
            int codesSoFar = outbox.messagesTo(user.email()).size();

            Attempt again = app.begin().with("acr_values=2");
            Page page = LoginJourney.deviceCheck(laptop, laptop.getFollowingRedirects(again.authorizationUri()));

            assertThat(page.document().selectFirst(LoginJourney.LOGIN_FORM)).as("level 1 still holds: no password").isNull();
            assertThat(LoginJourney.isOtpPage(page)).as("level 2 has expired: the code again").isTrue();
            IDTokenClaimsSet renewed = app.finish(again,
                    LoginJourney.otpFromOutbox(laptop, page, outbox, user.email()).location()).idToken();
            assertThat(outbox.messagesTo(user.email())).hasSize(codesSoFar + 1);
            assertThat(renewed.getACR().getValue()).isEqualTo("2");
            assertThat(renewed.getSessionID()).isEqualTo(steppedUp.getSessionID());
        }
    }

    /**
     * Keycloak compares ages in whole seconds ({@code auth_time + max_age < now}): an age of 0 has passed only from the
     * next second on. Waits for it (at most one second).
     */
    private static void untilTheSecondAfter(Date authTime) {
        long authSecond = authTime.toInstant().getEpochSecond();
        while (Instant.now().getEpochSecond() <= authSecond) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
