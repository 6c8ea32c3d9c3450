package dev.vigil.it;

import static dev.vigil.it.support.LoginJourney.isOtpPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phone enrolment end to end: checks on the number, the code that proves it, the credential, the account console. */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtpEnrolmentIT {

    private VigilServer server;
    private OtpRealm realm;
    private Outbox outbox;

    @BeforeAll
    void realm(VigilServer server) {
        this.server = server;
        realm = OtpRealm.create(new AdminApi(server), server, "otp-enrol", Map.of("defaultRegion", "FR"));
        outbox = new Outbox(server);
    }

    @Test
    void aUserRegistersAPhoneProvesItAndSignsInWithItNextTime() throws Exception {
        FreshUser user = realm.userToEnrol("enrol");
        String phone = OtpRealm.randomMobile();
        OidcRelyingParty app = realm.app();
        OidcRelyingParty.Attempt attempt = app.begin();
        HttpSession browser = new HttpSession();

        Page phonePage = untilPhonePage(browser, attempt, user);
        assertThat(phonePage.document().select("form#vigil-phone-form input[name=phone]").attr("autocomplete")).isEqualTo("tel");
        String national = "0" + phone.substring(3);
        Page codePage = LoginJourney.enrolPhone(browser, phonePage, national);

        assertThat(isOtpPage(codePage)).isTrue();
        assertThat(codePage.document().select("#kc-page-title").text()).isEqualTo("Confirm your phone");
        assertThat(realm.credentials(user).findValues("type")).extracting(JsonNode::asText).doesNotContain("vigil-phone");
        String code = outbox.latestCode(phone);
        Page wrong = LoginJourney.otp(browser, codePage, code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.document().select("#vigil-otp-error").text()).isEqualTo("That code is not right. Check it and try again.");
        Page back = LoginJourney.otp(browser, wrong, code);

        OidcRelyingParty.SignedIn signedIn = app.finish(attempt, back.location());
        JsonNode phoneCredential = credentialOfType(realm.credentials(user), "vigil-phone");
        assertThat(phoneCredential.path("userLabel").asText()).isEqualTo("+33 6** ** ** " + phone.substring(phone.length() - 2));

        JsonNode accountView = accountCredentials(signedIn.tokens().getAccessToken().getValue());
        JsonNode phoneType = credentialOfType(accountView, "vigil-phone");
        assertThat(phoneType.path("category").asText()).isEqualTo("two-factor");
        assertThat(phoneType.path("createAction").asText()).isEqualTo("vigil-phone-enrollment");
        assertThat(phoneType.path("removeable").asBoolean()).isTrue();
        assertThat(phoneType.path("userCredentialMetadatas").get(0).path("credential").path("userLabel").asText())
                .isEqualTo(phoneCredential.path("userLabel").asText());
        assertThat(accountView.toString()).doesNotContain(phone);

        HttpSession nextTime = new HttpSession();
        Page otpPage = LoginJourney.password(nextTime, realm.app().begin().authorizationUri(), user.username(), user.password());
        assertThat(otpPage.document().select("#vigil-otp-destination").text())
                .startsWith("We sent a code by text message to " + phoneCredential.path("userLabel").asText());
        assertThat(LoginJourney.otpFromOutbox(nextTime, otpPage, outbox, phone).isRedirect()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "'12', 'This is not a valid phone number. Include the country code, e.g. +33 6 12 34 56 78.'",
            "'+33 8 99 12 34 56', 'Premium-rate numbers cannot receive sign-in codes.'",
            "'01 23 45 67 89', 'This is not a mobile number. Please type a mobile phone number.'",
            "'+7 912 345 67 89', 'Sign-in codes cannot be sent to phone numbers of this country.'"
    })
    void numbersThatCannotReceiveCodesAreRefusedWithAClearMessage(String typed, String message) {
        FreshUser user = realm.userToEnrol("refused");
        HttpSession browser = new HttpSession();
        Page phonePage = untilPhonePage(browser, realm.app().begin(), user);

        Page refused = LoginJourney.enrolPhone(browser, phonePage, typed);

        assertThat(refused.document().select("form#vigil-phone-form")).hasSize(1);
        assertThat(refused.document().select("#vigil-phone-error").text()).isEqualTo(message);
    }

    /** Password, then the code by e-mail (the user has no phone yet): enrolment comes after a second factor. */
    private Page untilPhonePage(HttpSession browser, OidcRelyingParty.Attempt attempt, FreshUser user) {
        Page otpPage = LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(otpPage.document().select("#vigil-otp-destination").text()).startsWith("We sent a code by e-mail to ");
        Page afterCode = LoginJourney.otpFromOutbox(browser, otpPage, outbox, user.username() + "@example.com");
        Page phonePage = afterCode.isRedirect() ? browser.getFollowingRedirects(afterCode.location()) : afterCode;
        assertThat(phonePage.document().select("form#vigil-phone-form")).as(phonePage.body()).hasSize(1);
        return phonePage;
    }

    private static JsonNode credentialOfType(JsonNode credentials, String type) {
        for (JsonNode credential : credentials) {
            if (type.equals(credential.path("type").asText())) {
                return credential;
            }
        }
        throw new AssertionError("no " + type + " in " + credentials);
    }

    private JsonNode accountCredentials(String accessToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.realmUri(realm.name()) + "/account/credentials"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
