package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.PrivacyAdminApi;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention in the running server, run "as of" a past instant so that the cut-offs can be checked to the
 * second: a row one second older than the period goes, the row exactly at the cut-off stays.
 */
@ExtendWith(VigilServerExtension.class)
class RetentionIT {

    /** A past instant (runs may not be as of the future), whole seconds so the cut-offs read cleanly. */
    private static final Instant AS_OF = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);

    private VigilServer server;
    private AdminApi admin;
    private VigilTables tables;
    private String realmId;
    private String userId;

    @BeforeEach
    void user(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        tables = new VigilTables(server);
        realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        userId = FreshUser.in(admin, DemoRealm.REALM, "retention").id();
    }

    @Test
    void deletesExactlyWhatIsPastTheDefault180DaysAndRecordsCountsAsAnAdminEvent() throws Exception {
        long cutoff = AS_OF.minus(Duration.ofDays(180)).toEpochMilli();
        String expiredDevice = tables.insertDeviceWithSignIn(realmId, userId, cutoff - 1000);
        String deviceAtCutoff = tables.insertDeviceWithSignIn(realmId, userId, cutoff);
        String deviceAfterCutoff = tables.insertDeviceWithSignIn(realmId, userId, cutoff + 1000);

        JsonNode result = AdminApi.json(AdminApi.expect(200, admin.bearer().post(run(AS_OF))));

        assertThat(result.path("deletedSignIns").asInt()).isEqualTo(1);
        assertThat(result.path("deletedDevices").asInt()).isEqualTo(1);
        assertThat(result.path("signInsBefore").asText()).isEqualTo(Instant.ofEpochMilli(cutoff).toString());
        assertThat(tables.query("select ID from VIGIL_DEVICE where USER_ID = ?", userId)).extracting(row -> row.get("ID"))
                .containsExactlyInAnyOrder(deviceAtCutoff, deviceAfterCutoff).doesNotContain(expiredDevice);
        assertThat(tables.query("select AT from VIGIL_SIGN_IN where USER_ID = ?", userId)).extracting(row -> row.get("AT"))
                .containsExactlyInAnyOrder(cutoff, cutoff + 1000);
        assertThat(retentionEvents()).anySatisfy(event ->
                assertThat(event.path("representation").asText()).contains("\"deletedSignIns\":1").contains("\"deletedDevices\":1"));
    }

    @Test
    void followsTheRetentionPeriodsAdminsSetInTheRealmSettings() throws Exception {
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("historyRetentionDays", "10")
                .put("deviceRetentionDays", "400"), () -> {
            long tenDaysBefore = AS_OF.minus(Duration.ofDays(10)).toEpochMilli();
            tables.insertDeviceWithSignIn(realmId, userId, tenDaysBefore - 1000);
            tables.insertDeviceWithSignIn(realmId, userId, tenDaysBefore);

            JsonNode result = AdminApi.json(AdminApi.expect(200, admin.bearer().post(run(AS_OF))));

            assertThat(result.path("deletedDevices").asInt()).isZero();
            assertThat(tables.query("select AT from VIGIL_SIGN_IN where USER_ID = ?", userId)).extracting(row -> row.get("AT"))
                    .containsExactly(tenDaysBefore);
            assertThat(tables.rowsAbout(userId)).containsEntry("VIGIL_DEVICE", 2);
        });
    }

    @Test
    void flagsAccountsWithoutASignInForTheRealmsPeriodAndSigningInAgainLiftsTheFlag() throws Exception {
        FreshUser idle = FreshUser.in(admin, DemoRealm.REALM, "idle");
        FreshUser recent = FreshUser.in(admin, DemoRealm.REALM, "recent");
        long now = System.currentTimeMillis();
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("inactiveAccountDays", "30"), () -> {
            tables.update("insert into VIGIL_LAST_SIGN_IN (REALM_ID, USER_ID, AT) values (?, ?, ?)",
                    realmId, idle.id(), now - Duration.ofDays(31).toMillis());
            tables.update("insert into VIGIL_LAST_SIGN_IN (REALM_ID, USER_ID, AT) values (?, ?, ?)",
                    realmId, recent.id(), now - Duration.ofDays(29).toMillis());

            JsonNode result = AdminApi.json(AdminApi.expect(200, admin.bearer().post(retention(""))));

            assertThat(result.path("flaggedInactiveAccounts").asInt()).isEqualTo(1);
            assertThat(flaggedInactive()).contains(idle.id()).doesNotContain(recent.id());

            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                    URI.create("http://127.0.0.1:53682/callback"));
            assertThat(LoginJourney.signInCompletely(new HttpSession(), app.begin().authorizationUri(), idle, new Outbox(server))
                    .isRedirect()).isTrue();

            assertThat(flaggedInactive()).doesNotContain(idle.id());
            assertThat(tables.query("select AT from VIGIL_LAST_SIGN_IN where USER_ID = ?", idle.id()))
                    .extracting(row -> (Long) row.get("AT")).singleElement().satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(now));
        });
    }

    @Test
    void keepsNoSignInTimesWhenTheRealmDoesNotFlagInactiveAccounts() throws Exception {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "untracked");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));

        LoginJourney.signInCompletely(new HttpSession(), app.begin().authorizationUri(), user, new Outbox(server));

        assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_LAST_SIGN_IN", 0).containsEntry("VIGIL_CONSENT", 1)
                .containsEntry("VIGIL_SIGN_IN", 1);
    }

    private List<String> flaggedInactive() {
        List<String> ids = new ArrayList<>();
        admin.get("/realms/" + DemoRealm.REALM + "/users?briefRepresentation=true&max=1000&q=vigilInactive:true")
                .forEach(user -> ids.add(user.path("id").asText()));
        return ids;
    }

    @Test
    void refusesToRunAsOfTheFutureOrForNonAdmins() {
        assertThat(admin.bearer().post(run(Instant.now().plus(Duration.ofDays(1)))).statusCode()).isEqualTo(400);
        assertThat(admin.bearer().post(retention("?asOf=yesterday")).statusCode()).isEqualTo(400);
        assertThat(new BearerClient(null).post(run(AS_OF)).statusCode()).isEqualTo(401);
    }

    private List<JsonNode> retentionEvents() {
        JsonNode events = admin.get("/realms/" + DemoRealm.REALM + "/admin-events?max=100");
        List<JsonNode> retention = new ArrayList<>();
        events.forEach(event -> {
            if ("VIGIL_RETENTION".equals(event.path("resourceType").asText())) {
                retention.add(event);
            }
        });
        return retention;
    }

    private URI run(Instant asOf) {
        return retention("?asOf=" + asOf);
    }

    private URI retention(String query) {
        return new PrivacyAdminApi(server, DemoRealm.REALM).realmWide("retention/run" + query);
    }
}
