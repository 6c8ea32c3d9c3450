package dev.vigil.it;

import static dev.vigil.it.support.ActionSignIn.assertCodeAskedBySms;
import static dev.vigil.it.support.ActionSignIn.followed;
import static dev.vigil.it.support.ActionSignIn.lastTwo;
import static dev.vigil.it.support.ActionSignIn.signInFor;
import static dev.vigil.it.support.LevelsByAddress.HIGH;
import static dev.vigil.it.support.LevelsByAddress.LOW;
import static dev.vigil.it.support.LevelsByAddress.MEDIUM;
import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
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
 * Whoever holds only the password cannot change the second factor: adding or replacing a phone needs a fresh code
 * to the factor the user already has; a HIGH assessment holds for the whole SSO session; a user without a verified
 * factor is not let through a step-up by enrolling one; codes never go to an unverified e-mail address.
 * The realm steps up MEDIUM and HIGH to a code; the address a login comes from chooses its level.
 */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorChangeIT {

    private static final String ENROLMENT = "vigil-phone-enrollment";
    private static final String REFUSED_EVENT = "CUSTOM_REQUIRED_ACTION_ERROR";

    private OtpRealm realm;
    private Outbox outbox;

    @BeforeAll
    void realm(VigilServer server) {
        realm = LevelsByAddress.create(new AdminApi(server), server, "otp-change");
        outbox = new Outbox(server);
    }

    @Test
    void aPasswordAloneAtLowCannotReplaceThePhoneButACodeToTheCurrentPhoneCan() {
        String current = OtpRealm.randomMobile();
        FreshUser user = realm.userWithPhone("replace", current);
        OidcRelyingParty app = realm.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);

        Page afterPassword = signInFor(browser, attempt.authorizationUri(), ENROLMENT, user);

        assertThat(afterPassword.document().select(LoginJourney.PHONE_FORM)).as("no new number on the password alone").isEmpty();
        assertCodeAskedBySms(afterPassword, current);
        String proof = outbox.latestCode(current);

        Page phonePage = LoginJourney.otp(browser, afterPassword, proof);
        assertThat(phonePage.document().select(LoginJourney.PHONE_FORM)).as(phonePage.body()).hasSize(1);
        String replacement = OtpRealm.randomMobile();
        Page confirm = LoginJourney.enrolPhone(browser, phonePage, replacement);
        Page done = LoginJourney.otpFromOutbox(browser, confirm, outbox, replacement);

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        app.finish(attempt, done.location());
        List<JsonNode> phones = realm.phones(user);
        assertThat(phones).hasSize(1);
        assertThat(phones.get(0).path("userLabel").asText()).endsWith(lastTwo(replacement));
    }

    @Test
    void aHighAssessmentHoldsForEveryAuthorizationOfTheSameSsoSession() {
        String current = OtpRealm.randomMobile();
        FreshUser user = realm.userWithPhone("high", current);
        OidcRelyingParty app = realm.app();
        OidcRelyingParty.Attempt first = app.begin();
        HttpSession browser = new HttpSession().from(HIGH);
        Page code = LoginJourney.signIn(browser, first.authorizationUri(), user.username(), user.password());
        assertThat(isOtpPage(code)).as("HIGH steps up to a code").isTrue();
        Page signedIn = LoginJourney.otpFromOutbox(browser, code, outbox, current);
        app.finish(first, signedIn.location());

        // Another tab of the same browser: the SSO cookie signs in, the risk step does not run again.
        Page second = browser.getFollowingRedirects(URI.create(app.begin().authorizationUri() + "&kc_action=" + ENROLMENT));

        assertThat(second.status()).as(second.body()).isEqualTo(403);
        assertThat(second.document().select(LoginJourney.PHONE_FORM)).isEmpty();
        assertThat(second.body()).contains("a new second factor cannot be registered now");
        assertThat(realm.vigilEvents(user, REFUSED_EVENT, "VIGIL_PHONE_ENROLMENT_REFUSED")).isNotEmpty();
        assertThat(realm.phones(user)).singleElement().as("the phone the admin registered, unchanged")
                .satisfies(phone -> assertThat(phone.path("userLabel").asText()).isEqualTo("phone"));
    }

    @Test
    void aUserWithoutAVerifiedFactorIsNotLetThroughAMediumStepUpByEnrolling() {
        FreshUser user = realm.userWithUnverifiedEmail("nofactor");
        HttpSession browser = new HttpSession().from(MEDIUM);

        Page page = followed(browser, LoginJourney.signIn(browser, realm.app().begin().authorizationUri(),
                user.username(), user.password()));

        assertThat(outbox.messagesTo(user.email())).as("no code to an unverified address").isEmpty();
        assertThat(page.document().select(LoginJourney.PHONE_FORM)).as(page.body()).isEmpty();
        assertThat(isOtpPage(page)).isFalse();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("cannot be registered during this sign-in");
        assertThat(realm.vigilEvents(user, REFUSED_EVENT, "VIGIL_PHONE_ENROLMENT_REFUSED"))
                .anySatisfy(event -> assertThat(event.path("error").asText()).isEqualTo("vigil_no_verified_factor"));
        assertThat(realm.phones(user)).isEmpty();
    }

    @Test
    void aFirstPhoneWithoutAVerifiedFactorIsRegisteredOnlyAtLowWithTheReasonRecorded() {
        FreshUser user = realm.userWithUnverifiedEmail("first");
        OidcRelyingParty app = realm.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);

        Page phonePage = signInFor(browser, attempt.authorizationUri(), ENROLMENT, user);
        assertThat(phonePage.document().select(LoginJourney.PHONE_FORM)).as(phonePage.body()).hasSize(1);
        String phone = OtpRealm.randomMobile();
        Page done = LoginJourney.otpFromOutbox(browser, LoginJourney.enrolPhone(browser, phonePage, phone), outbox, phone);

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        assertThat(realm.phones(user)).hasSize(1);
        assertThat(enrolmentEvents(user)).anySatisfy(event ->
                assertThat(event.path("details").path("vigil_enrolment_basis").asText()).isEqualTo("low_risk"));
    }

    /** Keycloak records a required action's success as UPDATE_CREDENTIAL for credentials, else CUSTOM_REQUIRED_ACTION. */
    private List<JsonNode> enrolmentEvents(FreshUser user) {
        List<JsonNode> events = new ArrayList<>(realm.events(user, "UPDATE_CREDENTIAL"));
        events.addAll(realm.events(user, "CUSTOM_REQUIRED_ACTION"));
        return events;
    }



}
