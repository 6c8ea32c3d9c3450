package dev.vigil.it;

import static dev.vigil.it.support.ActionSignIn.assertCodeAskedBySms;
import static dev.vigil.it.support.ActionSignIn.signInFor;
import static dev.vigil.it.support.LevelsByAddress.LOW;
import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
 * Removing the phone (the account console's {@code kc_action=delete_credential:<id>}) is a change of the second
 * factor: the password alone, even from a LOW login that asked no code, does not remove it; a fresh code to that
 * phone, typed in the same authentication, does.
 */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneRemovalIT {

    private OtpRealm realm;
    private Outbox outbox;

    @BeforeAll
    void realm(VigilServer server) {
        realm = LevelsByAddress.create(new AdminApi(server), server, "otp-remove");
        outbox = new Outbox(server);
    }

    @Test
    void aPasswordAloneAtLowDoesNotRemoveThePhoneButACodeToThatPhoneDoes() {
        String phone = OtpRealm.randomMobile();
        FreshUser user = realm.userWithPhone("remove", phone);
        String credentialId = realm.phones(user).get(0).path("id").asText();
        OidcRelyingParty app = realm.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession().from(LOW);

        Page afterPassword = signInFor(browser, attempt.authorizationUri(), "delete_credential:" + credentialId, user);

        // What Keycloak's confirmation posts, sent on the password alone: nothing is removed, a code is asked.
        Page forced = browser.submit(afterPassword, "form", Map.of("accept", ""));
        assertThat(realm.phones(user)).as("the phone survives the password alone").hasSize(1);
        assertCodeAskedBySms(afterPassword, phone);
        assertThat(isOtpPage(forced)).as(forced.body()).isTrue();

        Page confirm = LoginJourney.otp(browser, forced, outbox.latestCode(phone));
        assertThat(confirm.document().select("button[name=accept]")).as("Keycloak's confirmation: " + confirm.body()).hasSize(1);
        assertThat(realm.phones(user)).as("nothing removed before the user confirms").hasSize(1);
        Page done = browser.submit(confirm, "form", Map.of("accept", ""));

        assertThat(done.isRedirect()).as(done.body()).isTrue();
        app.finish(attempt, done.location());
        assertThat(realm.phones(user)).as("removed after a fresh code to that phone").isEmpty();
        assertThat(realm.events(user, "REMOVE_CREDENTIAL")).isNotEmpty();
    }



}
