package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.PrivacyAdminApi;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The export holds every value Vigil stores about the user, in every table; erasure leaves none of them, nor
 * Vigil's user attribute, but keeps a restriction an administrator set (art. 18 outlives art. 17's erasure).
 */
@ExtendWith(VigilServerExtension.class)
class ErasureIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final List<String> OWNER_COLUMNS = List.of("REALM_ID", "USER_ID");

    private VigilServer server;
    private AdminApi admin;
    private PrivacyAdminApi privacyAdmin;
    private VigilTables tables;
    private FreshUser user;

    @BeforeEach
    void newUser(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        privacyAdmin = new PrivacyAdminApi(server, DemoRealm.REALM);
        tables = new VigilTables(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "erasure");
    }

    @Test
    void theExportHoldsEveryStoredValueAndErasureLeavesNoneButTheAdminsRestriction() throws Exception {
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("inactiveAccountDays", "30"), () -> {
            BearerClient self = new BearerClient(signIn());
            // Long inactive, then flagged by retention: every Vigil table and attribute has something about the user.
            tables.update("update VIGIL_LAST_SIGN_IN set AT = ? where USER_ID = ?",
                    System.currentTimeMillis() - Duration.ofDays(31).toMillis(), user.id());
            AdminApi.expect(200, admin.bearer().post(privacyAdmin.realmWide("retention/run")));
            assertThat(flaggedInactive()).isTrue();
            AdminApi.expect(204, admin.bearer().put(privacyAdmin.user(user.id(), "restriction")));
            assertThat(tables.rowsAbout(user.id())).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

            JsonNode export = AdminApi.json(AdminApi.expect(200, self.get(me("export"))));

            List<String> missing = new ArrayList<>();
            for (String table : tables.rowsAbout(user.id()).keySet()) {
                for (Map<String, Object> row : tables.query("select * from " + table + " where USER_ID = ?", user.id())) {
                    row.forEach((column, value) -> {
                        if (value != null && !OWNER_COLUMNS.contains(column) && !exported(export, value)) {
                            missing.add(table + "." + column + " = " + value);
                        }
                    });
                }
            }
            assertThat(missing).as("stored values absent from the export").isEmpty();
            assertThat(export.path("inactive").asBoolean()).as("the %s attribute", "vigilInactive").isTrue();

            AdminApi.expect(200, self.delete(me("data")));

            assertThat(tables.rowsAbout(user.id())).as("only the administrator's restriction stays")
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isEqualTo(table.equals("VIGIL_RESTRICTION") ? 1 : 0));
            assertThat(flaggedInactive()).isFalse();
            assertThat(AdminApi.json(admin.bearer().get(privacyAdmin.user(user.id(), "export"))).path("processingRestricted")
                    .asBoolean()).isTrue();
        });
    }

    /** Whether the export shows this stored value: as is, as an instant (epoch millis), or word by word (lists). */
    private static boolean exported(JsonNode export, Object value) {
        List<String> leaves = new ArrayList<>();
        collectLeaves(export, leaves);
        if (value instanceof Long millis && millis > 1_000_000_000_000L) {
            return leaves.contains(Instant.ofEpochMilli(millis).toString());
        }
        if (value instanceof Number number) {
            return leaves.stream().anyMatch(leaf -> isNumber(leaf) && Double.parseDouble(leaf) == number.doubleValue());
        }
        String text = value.toString();
        return leaves.contains(text) || Arrays.stream(text.split("[\\s]+")).allMatch(leaves::contains)
                || Arrays.stream(text.split("\n")).allMatch(leaves::contains);
    }

    private static void collectLeaves(JsonNode node, List<String> leaves) {
        if (node.isContainerNode()) {
            node.forEach(child -> collectLeaves(child, leaves));
        } else if (!node.isNull()) {
            leaves.add(node.asText());
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Whether the user carries Vigil's inactive flag, searched as admins search for it. */
    private boolean flaggedInactive() {
        List<String> ids = new ArrayList<>();
        admin.get("/realms/" + DemoRealm.REALM + "/users?briefRepresentation=true&max=1000&q=vigilInactive:true")
                .forEach(flagged -> ids.add(flagged.path("id").asText()));
        return ids.contains(user.id());
    }

    private String signIn() {
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        OidcRelyingParty.Attempt attempt = app.begin();
        // Linköping: a place with coordinates.
        var back = LoginJourney.signInCompletely(new HttpSession().from("89.160.20.112"), attempt.authorizationUri(), user,
                new Outbox(server));
        return app.finish(attempt, back.location()).tokens().getAccessToken().getValue();
    }

    private URI me(String path) {
        return URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/me/" + path);
    }
}
