package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.ResetMail;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Forgot password?" as the holder of the user's mailbox would use it, from Changchun in a browser the user never
 * used: the e-mailed link alone must open no session. The terms, the risk evaluation and, when the level asks, a
 * code to the user's phone (never to the mailbox that just proved itself) come right after the link, before
 * Keycloak asks for the new password (its "update password" required action ends the reset).
 */
@ExtendWith(VigilServerExtension.class)
class ResetCredentialsIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String CHANGCHUN = "175.16.199.10";
    private static final String NEW_PASSWORD_FORM = "form#kc-passwd-update-form";

    private VigilServer server;
    private AdminApi admin;
    private OidcRelyingParty app;
    private Outbox outbox;
    private ResetMail mail;
    private HttpSession stranger;

    @BeforeEach
    void setUp(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        outbox = new Outbox(server);
        mail = new ResetMail(admin, DemoRealm.REALM);
        stranger = new HttpSession().from(CHANGCHUN);
    }

    @AfterEach
    void putMailBack() {
        mail.close();
    }

    @Test
    void theLinkLeadsToTheTermsAndACodeToThePhoneBeforeTheNewPasswordIsAsked() {
        String phone = OtpRealm.randomMobile();
        FreshUser user = userWithPhone(phone);
        Attempt attempt = app.begin();

        Page afterLink = resetLink(attempt, user);

        assertThat(LoginJourney.isConsentPage(afterLink)).as("held at the terms, no new password yet").isTrue();
        Page stepUp = LoginJourney.deviceCheck(stranger, LoginJourney.accept(stranger, afterLink));
        assertThat(LoginJourney.isOtpPage(stepUp)).as("a new browser in Changchun is stepped up").isTrue();
        assertThat(outbox.messagesTo(user.email())).as("no code to the mailbox").isEmpty();
        assertThat(stepUp.document().select("[name=email]")).as("no e-mail offered").isEmpty();

        Page newPassword = withinTheServer(LoginJourney.otp(stranger, stepUp, outbox.latestCode(phone)));
        String password = UUID.randomUUID().toString();
        Page back = stranger.submit(newPassword, NEW_PASSWORD_FORM, Map.of("password-new", password, "password-confirm", password));
        IDTokenClaimsSet idToken = app.finish(attempt, back.location()).idToken();
        assertThat(idToken.getStringClaim("vigil_risk")).isIn("MEDIUM", "HIGH");
        assertThat(idToken.getACR().getValue()).isEqualTo("2");
    }

    @Test
    void aUserWithoutAPhoneGetsNoSessionNoSingleSignOnAndKeepsTheirPassword() {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "reset-nophone");

        Page afterLink = resetLink(app.begin(), user);
        assertThat(LoginJourney.isConsentPage(afterLink)).as("held at the terms, no new password yet").isTrue();
        Page end = LoginJourney.deviceCheck(stranger, LoginJourney.accept(stranger, afterLink));

        assertThat(end.status()).as("refused: no phone for the code").isEqualTo(403);
        assertThat(end.document().selectFirst(NEW_PASSWORD_FORM)).isNull();
        assertThat(outbox.messagesTo(user.email())).as("no code to the mailbox").isEmpty();
        Page again = stranger.get(app.begin().authorizationUri());
        assertThat(again.isRedirect()).as("no single sign-on cookie").isFalse();
        assertThat(again.document().selectFirst(LoginJourney.LOGIN_FORM)).isNotNull();
        Page withOldPassword = LoginJourney.password(new HttpSession().from(CHANGCHUN), app.begin().authorizationUri(),
                user.username(), user.password());
        assertThat(LoginJourney.isDeviceCheckPage(withOldPassword)).as("the old password still signs in").isTrue();
    }

    /** "Forgot password?", the username, the e-mailed link: the page that the link opens. */
    private Page resetLink(Attempt attempt, FreshUser user) {
        Page login = stranger.getFollowingRedirects(attempt.authorizationUri());
        URI forgot = URI.create(login.document().selectFirst("a[href*=reset-credentials]").absUrl("href"));
        Page reset = stranger.getFollowingRedirects(forgot);
        stranger.submit(reset, "form#kc-reset-password-form", Map.of("username", user.username()));
        return stranger.getFollowingRedirects(mail.latestLinkTo(user.email()));
    }

    /** Follows the server's own redirects (to Keycloak's required actions, say), not the one back to the app. */
    private Page withinTheServer(Page page) {
        Page current = page;
        while (current.isRedirect() && !current.location().toString().startsWith(APP_CALLBACK.toString())) {
            current = stranger.get(current.location());
        }
        return current;
    }

    private FreshUser userWithPhone(String e164) {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "reset-phone");
        AdminApi.expect(204, admin.put("/realms/" + DemoRealm.REALM + "/users/" + user.id(), Map.of(
                "credentials", List.of(Map.of(
                        "type", "vigil-phone",
                        "userLabel", "phone",
                        "credentialData", "{\"phoneNumber\":\"" + e164 + "\"}",
                        "secretData", "{}")))));
        return user;
    }
}
