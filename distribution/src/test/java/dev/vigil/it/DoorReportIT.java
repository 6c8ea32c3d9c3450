package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A realm created in the admin console gets Keycloak's default flows, which run none of Vigil's steps: the server
 * says so at start and in the admin console's server info, door by door, so that nobody takes it for protected.
 */
@ExtendWith(VigilServerExtension.class)
class DoorReportIT {

    @Test
    void theServerInfoListsPerRealmTheDoorsThatDoNotRunVigilsSteps(VigilServer server) {
        AdminApi admin = new AdminApi(server);
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        AdminApi.expect(201, admin.post("/realms", Map.of("realm", fresh, "enabled", true, "resetPasswordAllowed", true)));
        try {
            JsonNode report = admin.get("/serverinfo").path("providers").path("authenticator").path("providers")
                    .path("vigil-risk-evaluation").path("operationalInfo");

            assertThat(report.path("realm " + DemoRealm.REALM).asText()).isEqualTo("every door runs Vigil's consent and risk steps");
            assertThat(report.path("realm " + fresh).asText()).isEqualTo("not covered: browser, direct grant,"
                    + " reset credentials, single sign-on (required action vigil-consent-check not enabled)");
        } finally {
            AdminApi.expect(204, admin.delete("/realms/" + fresh));
        }
    }

    @Test
    void theServerLogNamesTheUncoveredDoorsAtStart(VigilServer server) {
        assertThat(server.logText()).contains("Realm master: these doors into a session do not run Vigil's consent"
                + " and risk steps: browser, direct grant");
    }
}
