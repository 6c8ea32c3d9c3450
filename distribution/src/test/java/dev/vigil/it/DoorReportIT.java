package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A realm created in the admin console gets Keycloak's default flows, which run none of Vigil's steps: the server
 * says so at start, when the realm is created and in the admin console's server info, door by door, so that nobody
 * takes it for protected. A covered realm opens a door again through a client's own flow or its CIBA grant, or an
 * identity provider whose post login flow skips Vigil's steps.
 */
@ExtendWith(VigilServerExtension.class)
class DoorReportIT {

    private static final String DEMO = "/realms/" + DemoRealm.REALM;
    private static final String FRESH_REALM_DOORS = "browser, direct grant, reset credentials,"
            + " single sign-on (required action vigil-consent-check not enabled),"
            + " refresh tokens (no enabled client policy runs executor vigil-current-terms)";

    private VigilServer server;
    private AdminApi admin;

    @BeforeEach
    void admin(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
    }

    @Test
    void aRealmCreatedWhileTheServerRunsIsReportedInTheLogAndTheServerInfo() {
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        AdminApi.expect(201, admin.post("/realms", Map.of("realm", fresh, "enabled", true, "resetPasswordAllowed", true)));
        try {
            assertThat(report().path("realm " + DemoRealm.REALM).asText()).isEqualTo("every door runs Vigil's consent and risk steps");
            assertThat(report().path("realm " + fresh).asText()).isEqualTo("not covered: " + FRESH_REALM_DOORS);
            assertThat(server.logText()).contains("Realm " + fresh + " created: these doors into a session do not run"
                    + " Vigil's consent and risk steps: " + FRESH_REALM_DOORS);
        } finally {
            AdminApi.expect(204, admin.delete("/realms/" + fresh));
        }
    }

    @Test
    void theServerLogNamesTheUncoveredDoorsAtStart() {
        assertThat(server.logText()).contains("Realm master: these doors into a session do not run Vigil's consent"
                + " and risk steps: browser, direct grant");
    }

    @Test
    void aClientWhoseOwnFlowsSkipVigilsStepsOrThatAllowsCibaIsAnUncoveredDoor() {
        String flowId = created(admin.post(DEMO + "/authentication/flows", Map.of("alias", "bare-" + UUID.randomUUID(),
                "providerId", "basic-flow", "topLevel", true, "builtIn", false)));
        String browserOnly = "override-browser-" + UUID.randomUUID().toString().substring(0, 8);
        String grantOnly = "override-grant-" + UUID.randomUUID().toString().substring(0, 8);
        String browserClient = created(admin.post(DEMO + "/clients", Map.of("clientId", browserOnly, "publicClient", true,
                "standardFlowEnabled", true, "authenticationFlowBindingOverrides", Map.of("browser", flowId))));
        String grantClient = created(admin.post(DEMO + "/clients", Map.of("clientId", grantOnly, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "authenticationFlowBindingOverrides", Map.of("direct_grant", flowId))));
        String ciba = "override-ciba-" + UUID.randomUUID().toString().substring(0, 8);
        String cibaClient = created(admin.post(DEMO + "/clients", Map.of("clientId", ciba, "publicClient", false,
                "standardFlowEnabled", false, "attributes", Map.of("oidc.ciba.grant.enabled", "true"))));
        try {
            assertThat(report().path("realm " + DemoRealm.REALM).asText()).isEqualTo("not covered: client " + browserOnly
                    + " (browser flow override), client " + ciba + " (CIBA grant), client " + grantOnly
                    + " (direct grant flow override)");
        } finally {
            AdminApi.expect(204, admin.delete(DEMO + "/clients/" + browserClient));
            AdminApi.expect(204, admin.delete(DEMO + "/clients/" + grantClient));
            AdminApi.expect(204, admin.delete(DEMO + "/clients/" + cibaClient));
            AdminApi.expect(204, admin.delete(DEMO + "/authentication/flows/" + flowId));
        }
        assertThat(report().path("realm " + DemoRealm.REALM).asText()).isEqualTo("every door runs Vigil's consent and risk steps");
    }

    @Test
    void anIdentityProviderIsCoveredOnlyThroughAPostLoginFlowThatRunsVigilsSteps() {
        String bare = "idp-bare-" + UUID.randomUUID().toString().substring(0, 8);
        String vigil = "idp-vigil-" + UUID.randomUUID().toString().substring(0, 8);
        // The first login flow alone would leave every later broker login to Keycloak's defaults.
        identityProvider(bare, Map.of("firstBrokerLoginFlowAlias", "vigil post broker login"));
        identityProvider(vigil, Map.of("postBrokerLoginFlowAlias", "vigil post broker login"));
        try {
            assertThat(report().path("realm " + DemoRealm.REALM).asText())
                    .isEqualTo("not covered: identity provider " + bare + " (post login flow)");
        } finally {
            AdminApi.expect(204, admin.delete(DEMO + "/identity-provider/instances/" + bare));
            AdminApi.expect(204, admin.delete(DEMO + "/identity-provider/instances/" + vigil));
        }
    }

    private void identityProvider(String alias, Map<String, String> flows) {
        Map<String, Object> provider = new HashMap<>(Map.of("alias", alias, "providerId", "oidc", "enabled", true,
                "config", Map.of("authorizationUrl", "https://idp.example/auth", "tokenUrl", "https://idp.example/token",
                        "clientId", "vigil", "clientSecret", "secret", "clientAuthMethod", "client_secret_post")));
        provider.putAll(flows);
        AdminApi.expect(201, admin.post(DEMO + "/identity-provider/instances", provider));
    }

    private JsonNode report() {
        return admin.get("/serverinfo").path("providers").path("authenticator").path("providers")
                .path("vigil-risk-evaluation").path("operationalInfo");
    }

    private static String created(HttpResponse<String> response) {
        String location = AdminApi.expect(201, response).headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
