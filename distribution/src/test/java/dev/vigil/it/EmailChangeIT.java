package dev.vigil.it;

import static dev.vigil.it.support.ActionSignIn.assertCodeAskedBySms;
import static dev.vigil.it.support.ActionSignIn.signInFor;
import static dev.vigil.it.support.LevelsByAddress.HIGH;
import static dev.vigil.it.support.LevelsByAddress.LOW;
import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.LevelsByAddress;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The e-mail address is a second factor (codes go there once it is verified), so a user changes it only after a
 * fresh code to a factor they already have, typed in the same authentication; without any verified factor only from
 * a LOW login, the reason recorded; never in an SSO session once judged HIGH. Every way a user can change it is
 * tried: Keycloak's "Update email" action (kc_action=UPDATE_EMAIL, the account console's way while the action is
 * enabled, as in the demo realm), the "Update profile" action and the account REST API (the ways when a realm
 * disables it).
 */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailChangeIT {

    private static final String UPDATE_EMAIL = "UPDATE_EMAIL";
    private static final String UPDATE_PROFILE = "UPDATE_PROFILE";
    private static final String EMAIL_FORM = "form#kc-update-email-form";
    private static final String PROFILE_FORM = "form#kc-update-profile-form";

    private VigilServer server;
    private AdminApi admin;
    private Outbox outbox;
    /** "Update email" enabled, Keycloak's default for new realms. */
    private OtpRealm withAction;
    /** "Update email" disabled: the profile page and the account API edit the e-mail. */
    private OtpRealm withoutAction;

    @BeforeAll
    void realms(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        outbox = new Outbox(server);
        withAction = realm("email-change");
        updateEmailAction(withAction, true);
        withoutAction = realm("email-profile");
        updateEmailAction(withoutAction, false);
    }

    private OtpRealm realm(String prefix) {
        return LevelsByAddress.create(admin, server, prefix);
    }

    @Test
    void aPasswordAloneAtLowCannotChangeTheEmailButACodeToTheCurrentPhoneCan() {
        String phone = OtpRealm.randomMobile();
        FreshUser user = withAction.userWithPhone("update", phone);
        OidcRelyingParty app = withAction.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);

        Page afterPassword = signInFor(browser, attempt.authorizationUri(), UPDATE_EMAIL, user);

        assertThat(afterPassword.document().select(EMAIL_FORM)).as("no new address on the password alone").isEmpty();
        assertCodeAskedBySms(afterPassword, phone);
        // What the e-mail form posts, sent on the password alone: the address stays, the code is asked again.
        Page forced = browser.submit(afterPassword, "form", Map.of("email", attacker()));
        assertThat(isOtpPage(forced)).as(forced.body()).isTrue();
        assertThat(user(withAction, user).path("email").asText()).isEqualTo(user.email());

        Page emailForm = LoginJourney.otp(browser, forced, outbox.latestCode(phone));
        assertThat(emailForm.document().select(EMAIL_FORM)).as(emailForm.body()).hasSize(1);
        Page done = browser.submit(emailForm, EMAIL_FORM, Map.of("email", "new-" + user.email()));

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        app.finish(attempt, done.location());
        JsonNode changed = user(withAction, user);
        assertThat(changed.path("email").asText()).isEqualTo("new-" + user.email());
        assertThat(changed.path("emailVerified").asBoolean()).as("no code goes to the new address before it is verified").isFalse();
    }

    @Test
    void aHighAssessmentAnywhereInTheSsoSessionRefusesAnEmailChange() {
        String phone = OtpRealm.randomMobile();
        FreshUser user = withAction.userWithPhone("high", phone);
        OidcRelyingParty app = withAction.app();
        OidcRelyingParty.Attempt first = app.begin();
        HttpSession browser = new HttpSession().from(HIGH);
        Page code = LoginJourney.signIn(browser, first.authorizationUri(), user.username(), user.password());
        assertThat(isOtpPage(code)).as("HIGH steps up to a code").isTrue();
        app.finish(first, LoginJourney.otpFromOutbox(browser, code, outbox, phone).location());

        // Another tab: the SSO cookie signs in; the code typed in the first tab proves nothing here.
        Page second = browser.getFollowingRedirects(URI.create(app.begin().authorizationUri() + "&kc_action=" + UPDATE_EMAIL));

        assertThat(second.status()).as(second.body()).isEqualTo(403);
        assertThat(second.document().select(EMAIL_FORM)).isEmpty();
        assertThat(second.body()).contains("your e-mail address cannot be changed now");
        assertThat(withAction.vigilEvents(user, "VIGIL_EMAIL_CHANGE_REFUSED"))
                .anySatisfy(event -> assertThat(event.path("error").asText()).isEqualTo("vigil_risk_high"));
        assertThat(user(withAction, user).path("email").asText()).isEqualTo(user.email());
    }

    @Test
    void withoutAVerifiedFactorTheEmailChangesAtLowWithTheReasonRecorded() {
        FreshUser user = withAction.userWithUnverifiedEmail("first");
        OidcRelyingParty app = withAction.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);

        Page emailForm = signInFor(browser, attempt.authorizationUri(), UPDATE_EMAIL, user);
        assertThat(emailForm.document().select(EMAIL_FORM)).as(emailForm.body()).hasSize(1);
        Page done = browser.submit(emailForm, EMAIL_FORM, Map.of("email", "first-" + user.email()));

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        assertThat(user(withAction, user).path("email").asText()).isEqualTo("first-" + user.email());
        assertThat(withAction.events(user, "UPDATE_EMAIL")).singleElement().satisfies(event ->
                assertThat(event.path("details").path("vigil_enrolment_basis").asText()).isEqualTo("low_risk"));
    }

    @Test
    void theProfilePageChangesTheEmailOnlyAfterACodeToTheCurrentPhone() {
        String phone = OtpRealm.randomMobile();
        FreshUser user = withoutAction.userWithPhone("profile", phone);
        OidcRelyingParty app = withoutAction.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);
        Page profileForm = signInFor(browser, attempt.authorizationUri(), UPDATE_PROFILE, user);
        assertThat(profileForm.document().select(PROFILE_FORM)).as(profileForm.body()).hasSize(1);

        Page proof = browser.submit(profileForm, PROFILE_FORM, profile(user, attacker()));

        assertThat(user(withoutAction, user).path("email").asText()).as("unchanged on the password alone").isEqualTo(user.email());
        assertCodeAskedBySms(proof, phone);
        Page again = LoginJourney.otp(browser, proof, outbox.latestCode(phone));
        assertThat(again.document().select(PROFILE_FORM)).as(again.body()).hasSize(1);
        Page done = browser.submit(again, PROFILE_FORM, profile(user, "new-" + user.email()));

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        JsonNode changed = user(withoutAction, user);
        assertThat(changed.path("email").asText()).isEqualTo("new-" + user.email());
        assertThat(changed.path("emailVerified").asBoolean()).isFalse();
    }

    @Test
    void theProfilePageStillSavesOtherFieldsOnThePasswordAlone() {
        FreshUser user = withoutAction.userWithPhone("names", OtpRealm.randomMobile());
        HttpSession browser = new HttpSession().from(LOW);
        Page profileForm = signInFor(browser, withoutAction.app().begin().authorizationUri(), UPDATE_PROFILE, user);
        Map<String, String> fields = profile(user, user.email());
        fields.put("firstName", "Renamed");

        Page done = browser.submit(profileForm, PROFILE_FORM, fields);

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        assertThat(user(withoutAction, user).path("firstName").asText()).isEqualTo("Renamed");
    }

    @Test
    void theAccountApiRefusesAnEmailChangeWhateverTheRealmAllows() {
        for (OtpRealm realm : List.of(withAction, withoutAction)) {
            FreshUser user = realm.userWithPhone("rest", OtpRealm.randomMobile());
            BearerClient account = LevelsByAddress.accountApiAfterLowLogin(realm, user);
            URI uri = URI.create(server.realmUri(realm.name()) + "/account");
            ObjectNode me = (ObjectNode) AdminApi.json(account.get(uri));

            ObjectNode field = me.deepCopy().put("email", attacker());
            ObjectNode attribute = me.deepCopy();
            attribute.putObject("attributes").putArray("email").add(attacker());

            for (ObjectNode body : List.of(field, attribute)) {
                HttpResponse<String> response = account.post(uri, body.toString());
                assertThat(user(realm, user).path("email").asText()).as(realm.name()).isEqualTo(user.email());
                assertThat(response.statusCode()).as(realm.name() + ": " + response.body()).isBetween(400, 403);
            }
        }
    }

    @Test
    void theAccountApiRefusalIsVigilsWithAnEventWhenTheRealmLetsTheProfileEditTheEmail() {
        FreshUser user = withoutAction.userWithPhone("rest-event", OtpRealm.randomMobile());
        BearerClient account = LevelsByAddress.accountApiAfterLowLogin(withoutAction, user);
        URI uri = URI.create(server.realmUri(withoutAction.name()) + "/account");
        ObjectNode me = (ObjectNode) AdminApi.json(account.get(uri));

        HttpResponse<String> refused = account.post(uri, me.deepCopy().put("email", attacker()).toString());
        HttpResponse<String> renamed = account.post(uri, me.deepCopy().put("firstName", "Renamed").toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(AdminApi.json(refused).path("errorMessage").asText()).isEqualTo("vigilEmailChangeNeedsCode");
        assertThat(withoutAction.vigilEvents(user, "VIGIL_EMAIL_CHANGE_REFUSED"))
                .anySatisfy(event -> assertThat(event.path("error").asText()).isEqualTo("vigil_fresh_code_required"));
        assertThat(renamed.statusCode()).as("other fields: " + renamed.body()).isEqualTo(204);
        assertThat(user(withoutAction, user).path("firstName").asText()).isEqualTo("Renamed");
    }

    @Test
    void theDemoRealmChangesTheEmailThroughTheGuardedUpdateEmailAction() {
        JsonNode action = admin.get("/realms/" + DemoRealm.REALM + "/authentication/required-actions/UPDATE_EMAIL");

        assertThat(action.path("enabled").asBoolean()).as("the account console offers kc_action=UPDATE_EMAIL").isTrue();
    }

    /** An address of the attacker's, new each time (Keycloak refuses an address another user has). */
    private static String attacker() {
        return "attacker-" + UUID.randomUUID() + "@example.org";
    }

    /** The fields the profile page posts, with {@code email}. */
    private static Map<String, String> profile(FreshUser user, String email) {
        Map<String, String> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("firstName", "Test");
        fields.put("lastName", user.username());
        return fields;
    }

    /** Turns Keycloak's "Update email" required action on or off in {@code realm}, registering it if needed. */
    private void updateEmailAction(OtpRealm realm, boolean enabled) {
        String actions = "/realms/" + realm.name() + "/authentication/required-actions";
        if (admin.get(actions).findParents("alias").stream().noneMatch(action -> "UPDATE_EMAIL".equals(action.path("alias").asText()))) {
            AdminApi.expect(204, admin.post("/realms/" + realm.name() + "/authentication/register-required-action",
                    Map.of("providerId", "UPDATE_EMAIL", "name", "Update Email")));
        }
        ObjectNode action = (ObjectNode) admin.get(actions + "/UPDATE_EMAIL");
        AdminApi.expect(204, admin.put(actions + "/UPDATE_EMAIL", action.put("enabled", enabled)));
    }

    private JsonNode user(OtpRealm realm, FreshUser user) {
        return admin.get("/realms/" + realm.name() + "/users/" + user.id());
    }



}
