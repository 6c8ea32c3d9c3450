package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server has loaded each Vigil extension, theme and the demo realm as configured. */
@ExtendWith(VigilServerExtension.class)
class ServerInfoIT {

    private AdminApi admin;
    private JsonNode serverInfo;

    @BeforeEach
    void readServerInfo(VigilServer server) {
        admin = new AdminApi(server);
        serverInfo = admin.get("/serverinfo");
    }

    @Test
    void otpExtensionRegistersItsDeliverySpiWithTheOutboxChannel(VigilServer server) {
        JsonNode outbox = provider("vigil-otp-sender", "outbox");

        assertThat(outbox.path("operationalInfo").path("file").asText())
                .isEqualTo(server.outboxDir().resolve("outbox.jsonl").toString());
    }

    @Test
    void riskExtensionRegistersMaxMindGeoIpWithTheConfiguredDatabases() {
        JsonNode maxmind = provider("vigil-geoip", "maxmind");

        assertThat(maxmind.path("operationalInfo").toString())
                .contains("GeoIP2-City")
                .contains("GeoLite2-ASN")
                .contains("GeoIP2-Anonymous-IP");
    }

    @Test
    void privacyExtensionRegistersItsJpaStore() {
        assertThat(serverInfo.path("providers").path("jpa-entity-provider").path("providers").has("vigil-privacy"))
                .as("jpa-entity-provider/vigil-privacy in %s", serverInfo.path("providers").path("jpa-entity-provider"))
                .isTrue();
    }

    @Test
    void privacyExtensionImplementsTheSignInHistorySpiAndTheConsentStep() {
        provider("vigil-sign-in-history", "vigil-privacy");
        provider("authenticator", "vigil-consent");
        provider("realm-restapi-extension", "vigil-privacy");
        provider("admin-realm-restapi-extension", "vigil-privacy");
    }

    @Test
    void riskExtensionBringsItsSignalsStepConditionMapperAndRecorder() {
        for (String signal : List.of("device", "network", "place", "time", "fingerprint", "remembered-device", "failed-logins")) {
            provider("vigil-risk-signal", signal);
        }
        provider("authenticator", "vigil-risk-evaluation");
        provider("authenticator", "vigil-risk-level-condition");
        provider("protocol-mapper", "vigil-risk-mapper");
        provider("eventsListener", "vigil-risk-history");
    }

    @Test
    void riskExtensionRegistersItsCalibrationStoreAndAdminEndpoint() {
        provider("jpa-entity-provider", "vigil-risk");
        provider("admin-realm-restapi-extension", "vigil-risk");
    }

    @Test
    void demoRealmFlowScoresAfterConsentAndStepsUpOnMediumOrHighRisk() {
        JsonNode executions = admin.get("/realms/" + DemoRealm.REALM + "/authentication/flows/vigil%20browser/executions");

        List<String> steps = new ArrayList<>();
        executions.forEach(execution -> steps.add(execution.path("providerId").asText(execution.path("displayName").asText())));
        assertThat(steps).containsSubsequence("auth-username-password-form", "vigil-consent", "vigil-risk-evaluation",
                "vigil-risk-level-condition");
    }

    @Test
    void vigilLoginThemeIsInstalled() {
        assertThat(serverInfo.path("themes").path("login")).anySatisfy(theme ->
                assertThat(theme.path("name").asText()).isEqualTo("vigil"));
    }

    @Test
    void demoRealmUsesTheVigilBrowserFlowAndTheme() {
        JsonNode realm = admin.get("/realms/" + DemoRealm.REALM);

        assertThat(realm.path("browserFlow").asText()).isEqualTo("vigil browser");
        assertThat(realm.path("loginTheme").asText()).isEqualTo("vigil");
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(realm.path("supportedLocales")).extracting(JsonNode::asText).containsExactlyInAnyOrder("en", "fr", "de");
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("eventsExpiration").asLong()).isEqualTo(30L * 24 * 3600);
    }

    @Test
    void demoRealmLetsUsersDeleteTheirAccountAndKeepsKeycloaksOtherRequiredActions() {
        JsonNode actions = admin.get("/realms/" + DemoRealm.REALM + "/authentication/required-actions");

        assertThat(actions).anySatisfy(action -> {
            assertThat(action.path("alias").asText()).isEqualTo("delete_account");
            assertThat(action.path("enabled").asBoolean()).isTrue();
        });
        assertThat(actions).extracting(action -> action.path("alias").asText())
                .contains("UPDATE_PASSWORD", "VERIFY_EMAIL", "CONFIGURE_TOTP", "UPDATE_PROFILE");
        assertThat(admin.get("/realms/" + DemoRealm.REALM + "/roles/default-roles-vigil-demo/composites/clients/"
                + admin.get("/realms/" + DemoRealm.REALM + "/clients?clientId=account").get(0).path("id").asText()))
                .extracting(role -> role.path("name").asText())
                .contains("delete-account", "manage-account", "view-profile");
    }

    @Test
    void demoRealmBindsVigilFlowsToThePasswordGrantAndResetAndKeepsKeycloaksOtherFlows() {
        JsonNode realm = admin.get("/realms/" + DemoRealm.REALM);

        assertThat(realm.path("directGrantFlow").asText()).isEqualTo("vigil direct grant");
        assertThat(realm.path("resetCredentialsFlow").asText()).isEqualTo("vigil reset credentials");
        assertThat(realm.path("clientAuthenticationFlow").asText()).isEqualTo("clients");
        assertThat(realm.path("firstBrokerLoginFlow").asText()).isEqualTo("first broker login");
    }

    @Test
    void everyNewRealmKeepsKeycloaksEventsForALimitedTimeOnly() {
        String realm = "expiry-" + UUID.randomUUID();
        AdminApi.expect(201, admin.post("/realms", Map.of("realm", realm, "enabled", true)));
        try {
            JsonNode created = admin.get("/realms/" + realm);
            assertThat(created.path("eventsExpiration").asLong()).isEqualTo(30L * 24 * 3600);
            assertThat(created.path("attributes").path("adminEventsExpiration").asText()).isEqualTo(String.valueOf(90L * 24 * 3600));
        } finally {
            AdminApi.expect(204, admin.delete("/realms/" + realm));
        }
        assertThat(admin.get("/realms/master").path("eventsExpiration").asLong()).isEqualTo(30L * 24 * 3600);
    }

    private JsonNode provider(String spi, String id) {
        JsonNode provider = serverInfo.path("providers").path(spi).path("providers").path(id);
        assertThat(provider.isMissingNode()).as("provider %s/%s in serverinfo", spi, id).isFalse();
        return provider;
    }
}
