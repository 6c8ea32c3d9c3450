package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.PrivacyAdminApi;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vigil's admin endpoints live on Keycloak's admin API: Keycloak's permissions decide who may read or change a
 * user's data, and every export, erasure, withdrawal and restriction leaves an admin event naming the resource.
 */
@ExtendWith(VigilServerExtension.class)
class PrivacyAdminIT {

    private VigilServer server;
    private AdminApi admin;
    private PrivacyAdminApi privacy;
    private FreshUser user;

    @BeforeEach
    void aUserWhoSignedIn(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        privacy = new PrivacyAdminApi(server, DemoRealm.REALM);
        user = FreshUser.in(admin, DemoRealm.REALM, "admin-target");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));
        OidcRelyingParty.Attempt attempt = app.begin();
        app.finish(attempt, LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(), user, new Outbox(server)).location());
    }

    @Nested
    class Permissions {

        @Test
        void anAdminWhoMayOnlyViewUsersExportsButCannotChangeAnything() throws Exception {
            BearerClient viewer = privacy.adminWith(admin, "view-users");

            JsonNode export = AdminApi.json(AdminApi.expect(200, viewer.get(privacy.user(user.id(), "export"))));
            assertThat(export.path("user").path("id").asText()).isEqualTo(user.id());

            assertThat(viewer.delete(privacy.user(user.id(), "data")).statusCode()).isEqualTo(403);
            assertThat(viewer.post(privacy.user(user.id(), "consent/withdraw")).statusCode()).isEqualTo(403);
            assertThat(viewer.put(privacy.user(user.id(), "restriction")).statusCode()).isEqualTo(403);
            assertThat(viewer.post(privacy.realmWide("retention/run")).statusCode()).isEqualTo(403);
            assertThat(new VigilTables(server).rowsAbout(user.id())).containsEntry("VIGIL_CONSENT", 1)
                    .containsEntry("VIGIL_SIGN_IN", 1).containsEntry("VIGIL_RESTRICTION", 0);
        }

        @Test
        void anAdminOfNothingGetsNothing() {
            BearerClient nobody = privacy.adminWith(admin);

            assertThat(nobody.get(privacy.user(user.id(), "export")).statusCode()).isEqualTo(403);
            assertThat(nobody.delete(privacy.user(user.id(), "data")).statusCode()).isEqualTo(403);
        }

        @Test
        void theUsersOwnTokenOpensNoAdminEndpoint() {
            assertThat(new BearerClient(null).get(privacy.user(user.id(), "export")).statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class AdminEvents {

        @Test
        void exportErasureAndRestrictionByARealmAdminAreRecordedWithTheirResourcePath() {
            BearerClient realmAdmin = admin.bearer();

            AdminApi.expect(200, realmAdmin.get(privacy.user(user.id(), "export")));
            AdminApi.expect(204, realmAdmin.put(privacy.user(user.id(), "restriction")));
            AdminApi.expect(200, realmAdmin.delete(privacy.user(user.id(), "data")));

            assertThat(eventsAbout(user.id())).extracting(event -> event.path("operationType").asText() + " "
                            + event.path("resourcePath").asText())
                    .contains("ACTION vigil-privacy/users/" + user.id() + "/export",
                            "CREATE vigil-privacy/users/" + user.id() + "/restriction",
                            "DELETE vigil-privacy/users/" + user.id() + "/data");
            assertThat(eventsAbout(user.id())).allSatisfy(event -> {
                assertThat(event.path("resourceType").asText()).isEqualTo("USER");
                assertThat(event.path("authDetails").path("realmId").asText()).isNotBlank();
            });
        }
    }

    private List<JsonNode> eventsAbout(String userId) {
        List<JsonNode> about = new ArrayList<>();
        admin.get("/realms/" + DemoRealm.REALM + "/admin-events?max=200").forEach(event -> {
            if (event.path("resourcePath").asText().startsWith("vigil-privacy/users/" + userId)) {
                about.add(event);
            }
        });
        return about;
    }
}
