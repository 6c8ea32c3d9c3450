package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.StepRealm;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One policy for the settings of every Vigil step: a value out of range is refused when the admin saves it (400
 * naming the field and its range), and one stored anyway (realm import, older versions) fails the sign-in safe with
 * a clear page and one log line, never a 500.
 */
@ExtendWith(VigilServerExtension.class)
class SettingsValidationIT {

    private VigilServer server;
    private AdminApi admin;

    @BeforeEach
    void server(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
    }

    @Nested
    class RefusedAtSave {

        @Test
        void anOtpLimitOutOfRangeIsRefusedWithTheFieldAndItsRangeAndNothingChanges() {
            OtpRealm realm = OtpRealm.create(admin, server, "save-otp", Map.of());
            String path = otpConfigPath(realm.name());
            JsonNode before = admin.get(path);
            ObjectNode changed = before.deepCopy();
            ((ObjectNode) changed.path("config")).put("maxSendsPerPhonePerHour", "10000");

            HttpResponse<String> refused = admin.put(path, changed);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(AdminApi.json(refused).path("errorMessage").asText())
                    .contains("maxSendsPerPhonePerHour").contains("1 to 1000").contains("10000");
            assertThat(admin.get(path)).isEqualTo(before);
        }

        @Test
        void aNewConfigOnAnExecutionIsCheckedTheSameWay() {
            StepRealm realm = StepRealm.create(admin, server, "save-new", "vigil-risk-evaluation", Map.of());
            String execution = realm.stepExecution().path("id").asText();

            HttpResponse<String> refused = admin.post("/realms/" + realm.name() + "/authentication/executions/" + execution
                    + "/config", Map.of("alias", "other risk settings", "config", Map.of("mediumThreshold", "lots")));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(AdminApi.json(refused).path("errorMessage").asText()).contains("mediumThreshold").contains("a number");
        }

        @Test
        void aTwilioSecretTypedInClearIsRefusedAndNotRepeated() {
            OtpRealm realm = OtpRealm.create(admin, server, "save-secret", Map.of());
            String path = otpConfigPath(realm.name());
            ObjectNode changed = admin.get(path).deepCopy();
            ((ObjectNode) changed.path("config")).put("twilioAuthToken", "f0e1d2c3b4a5968778695a4b3c2d1e0f");

            HttpResponse<String> refused = admin.put(path, changed);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("twilioAuthToken").contains("${vault.")
                    .doesNotContain("f0e1d2c3b4a5968778695a4b3c2d1e0f");
            assertThat(admin.get(path).path("config").has("twilioAuthToken")).isFalse();
        }

        @Test
        void aVaultReferenceAndValuesInRangeAreSaved() {
            OtpRealm realm = OtpRealm.create(admin, server, "save-good", Map.of());
            String path = otpConfigPath(realm.name());
            ObjectNode changed = admin.get(path).deepCopy();
            ((ObjectNode) changed.path("config")).put("twilioAuthToken", "${vault.twilio-token}")
                    .put("maxSendsPerPhonePerHour", "1000");

            AdminApi.expect(204, admin.put(path, changed));

            assertThat(admin.get(path).path("config").path("maxSendsPerPhonePerHour").asText()).isEqualTo("1000");
        }

        @Test
        void withoutAnAdminTokenTheSaveIsUnauthorizedWhateverTheValue() throws Exception {
            OtpRealm realm = OtpRealm.create(admin, server, "save-anon", Map.of());
            String path = otpConfigPath(realm.name());
            ObjectNode changed = admin.get(path).deepCopy();
            ((ObjectNode) changed.path("config")).put("maxSendsPerPhonePerHour", "10000");

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUri() + "/admin" + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(changed.toString())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class BadStoredValue {

        @Test
        void anOtpLimitOutOfRangeGivesAClearPageAndOneLogLine() {
            OtpRealm realm = OtpRealm.create(admin, server, "stored-otp", Map.of("maxSendsPerPhonePerHour", "10000"));
            FreshUser user = realm.user("stored");

            for (int attempt = 0; attempt < 2; attempt++) {
                Page page = LoginJourney.password(new HttpSession(), realm.app().begin().authorizationUri(),
                        user.username(), user.password());
                assertThat(page.status()).isEqualTo(403);
                assertThat(page.body()).contains("Sign-in codes are not set up correctly on this server");
            }
            assertThat(logLinesAbout(realm.name(), "maxSendsPerPhonePerHour")).isEqualTo(1);
        }

        @Test
        void aRiskSettingOutOfRangeGivesAClearPageRatherThanSilentDefaults() {
            StepRealm realm = StepRealm.create(admin, server, "stored-risk", "vigil-risk-evaluation",
                    Map.of("highThreshold", "-5"));
            FreshUser user = realm.user("stored");

            Page page = LoginJourney.password(new HttpSession(), realm.app().begin().authorizationUri(),
                    user.username(), user.password());

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("Risk-based sign-in is not set up correctly on this server");
            assertThat(logLinesAbout(realm.name(), "highThreshold")).isEqualTo(1);
        }

        @Test
        void aConsentSettingTooLongForItsColumnGivesAClearPageNotA500() {
            StepRealm realm = StepRealm.create(admin, server, "stored-consent", "vigil-consent",
                    Map.of("termsVersion", "v".repeat(100)));
            FreshUser user = realm.user("stored");

            HttpSession browser = new HttpSession();
            Page page = LoginJourney.password(browser, realm.app().begin().authorizationUri(), user.username(), user.password());
            if (LoginJourney.isConsentPage(page)) {
                page = LoginJourney.accept(browser, page);
            }

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("The terms of this site are not set up correctly on this server");
            assertThat(logLinesAbout(realm.name(), "termsVersion")).isEqualTo(1);
        }
    }

    private String otpConfigPath(String realm) {
        for (JsonNode execution : admin.get("/realms/" + realm + "/authentication/flows/otp%20browser/executions")) {
            if ("vigil-otp".equals(execution.path("providerId").asText())) {
                return "/realms/" + realm + "/authentication/config/" + execution.path("authenticationConfig").asText();
            }
        }
        throw new AssertionError("no Vigil OTP step in " + realm);
    }

    private long logLinesAbout(String realm, String field) {
        return server.logText().lines().filter(line -> line.contains(realm) && line.contains(field)).count();
    }
}
