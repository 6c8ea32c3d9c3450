package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.PrivacyAdminApi;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Vigil's privacy tables exist in the server's own database, and leave with the user they are about. */
@ExtendWith(VigilServerExtension.class)
class PrivacyStoreIT {

    @Test
    void liquibaseCreatedTheConsentTable(VigilServer server) throws SQLException {
        try (Connection db = server.openDatabase()) {
            assertThat(columns(db, "VIGIL_CONSENT")).containsExactlyInAnyOrder(
                    "ID", "REALM_ID", "USER_ID", "TERMS_VERSION", "ACCEPTED_AT", "PURPOSES", "WITHDRAWN_AT");
        }
    }

    @Test
    void liquibaseCreatedTheHistoryTablesWithoutAnyRawAddressColumn(VigilServer server) throws SQLException {
        try (Connection db = server.openDatabase()) {
            assertThat(columns(db, "VIGIL_SIGN_IN")).contains("IP_HASH", "NETWORK_HASH", "USER_AGENT_HASH", "FINGERPRINT_HASH")
                    .doesNotContain("IP", "IP_ADDRESS", "USER_AGENT", "FINGERPRINT");
            assertThat(columns(db, "VIGIL_DEVICE")).contains("DEVICE_KEY", "LABEL", "LAST_SEEN");
            assertThat(columns(db, "VIGIL_REALM_KEY")).contains("SECRET");
            assertThat(columns(db, "VIGIL_RESTRICTION")).contains("USER_ID");
        }
    }

    @Test
    void deletingAUserThroughTheAdminApiLeavesNoVigilRowAboutThemInAnyTable(VigilServer server) throws SQLException {
        AdminApi admin = new AdminApi(server);
        VigilTables tables = new VigilTables(server);
        String realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        String probeId = admin.createUser(DemoRealm.REALM, "erasure-all-" + UUID.randomUUID(), UUID.randomUUID().toString());
        try (Connection db = server.openDatabase()) {
            insertConsent(db, realmId, probeId);
        }
        tables.insertDeviceWithSignIn(realmId, probeId, System.currentTimeMillis());
        AdminApi.expect(204, admin.bearer().put(new PrivacyAdminApi(server, DemoRealm.REALM).user(probeId, "restriction")));
        assertThat(tables.rowsAbout(probeId)).containsEntry("VIGIL_CONSENT", 1).containsEntry("VIGIL_DEVICE", 1)
                .containsEntry("VIGIL_SIGN_IN", 1).containsEntry("VIGIL_RESTRICTION", 1);

        AdminApi.expect(204, admin.delete("/realms/" + DemoRealm.REALM + "/users/" + probeId));

        assertThat(tables.rowsAbout(probeId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void noVigilTableHoldsTheClientsRawIpAddressAfterRealSignIns(VigilServer server) throws Exception {
        AdminApi admin = new AdminApi(server);
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "no-raw-ip");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));
        // Every Vigil writer on: consent, and the last sign-in time kept when inactive accounts are flagged.
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("inactiveAccountDays", "30"), () -> {
            Outbox outbox = new Outbox(server);
            LoginJourney.signInCompletely(new HttpSession(), app.begin().authorizationUri(), user, outbox);
            LoginJourney.signInCompletely(new HttpSession(), app.begin().authorizationUri(), user, outbox);
        });
        VigilTables tables = new VigilTables(server);
        assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_CONSENT", 1).containsEntry("VIGIL_LAST_SIGN_IN", 1)
                .containsEntry("VIGIL_SIGN_IN", 2);

        assertThat(tables.textCellsContaining(user.id())).as("the scan reads the text columns").isNotEmpty();
        // The tests sign in from loopback: its address, in any spelling, must be nowhere in Vigil's tables.
        for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1")) {
            assertThat(tables.textCellsContaining(address)).as(address).isEmpty();
        }
    }

    @Test
    void whatTheRealmDoesNotCollectIsNeverStoredThroughARealSignIn(VigilServer server) throws Exception {
        AdminApi admin = new AdminApi(server);
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "minimal");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));
        // Only the network is collected: no user agent, no place, no fingerprint, no time zone.
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("collectUserAgent", "false")
                .put("geolocation", "none").put("collectFingerprint", "false").put("collectTimeZone", "false"), () -> {
            Page back = LoginJourney.signInCompletely(new HttpSession().from("89.160.20.115"), app.begin().authorizationUri(),
                    user, new Outbox(server));
            assertThat(back.isRedirect()).isTrue();
        });

        List<Map<String, Object>> signIns = new VigilTables(server).query("select * from VIGIL_SIGN_IN where USER_ID = ?", user.id());
        assertThat(signIns).singleElement().satisfies(row -> {
            assertThat(row.get("IP_HASH")).as("the network is collected").isNotNull();
            assertThat(row.get("ASN")).isNotNull();
            for (String column : List.of("USER_AGENT_HASH", "BROWSER", "OS", "DEVICE_TYPE", "LANGUAGE", "FINGERPRINT_HASH",
                    "COUNTRY", "CITY_HASH", "LATITUDE", "LONGITUDE", "PLACE_LABEL", "DEVICE_LABEL", "TIME_ZONE")) {
                assertThat(row.get(column)).as(column).isNull();
            }
        });
    }

    @Test
    void aUserDeletingTheirOwnAccountLeavesNoVigilRowAboutThem(VigilServer server) throws SQLException {
        AdminApi admin = new AdminApi(server);
        VigilTables tables = new VigilTables(server);
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "self-delete");
        String userId = user.id();
        String realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        tables.insertDeviceWithSignIn(realmId, userId, System.currentTimeMillis());

        // Keycloak's delete-account action, asked for by the application (kc_action), as a user would.
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));
        HttpSession browser = new HttpSession();
        Page afterSignIn = LoginJourney.signInCompletely(browser,
                URI.create(app.begin().authorizationUri() + "&kc_action=delete_account"), user, new Outbox(server));
        Page confirm = afterSignIn.isRedirect() ? browser.getFollowingRedirects(afterSignIn.location()) : afterSignIn;
        assertThat(confirm.document().selectFirst("form#kc-deleteaccount-form")).as("Keycloak's confirmation page").isNotNull();
        assertThat(tables.rowsAbout(userId)).containsEntry("VIGIL_CONSENT", 1).containsEntry("VIGIL_DEVICE", 1);

        browser.submit(confirm, "form#kc-deleteaccount-form", Map.of());

        assertThat(admin.get("/realms/" + DemoRealm.REALM + "/users?exact=true&username=" + user.username())).isEmpty();
        assertThat(tables.rowsAbout(userId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void deletingAUserThroughTheAdminApiErasesTheirRowsAndNobodyElses(VigilServer server) throws SQLException {
        AdminApi admin = new AdminApi(server);
        String realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        String probeId = admin.createUser(DemoRealm.REALM, "erasure-probe-" + UUID.randomUUID(), UUID.randomUUID().toString());
        String aliceId = admin.get("/realms/" + DemoRealm.REALM + "/users?exact=true&username=" + DemoRealm.ALICE)
                .get(0).path("id").asText();

        try (Connection db = server.openDatabase()) {
            String probeRow = insertConsent(db, realmId, probeId);
            String aliceRow = insertConsent(db, realmId, aliceId);
            try {
                AdminApi.expect(204, admin.delete("/realms/" + DemoRealm.REALM + "/users/" + probeId));

                assertThat(consentIds(db)).doesNotContain(probeRow).contains(aliceRow);
            } finally {
                delete(db, aliceRow);
            }
        }
    }

    private static String insertConsent(Connection db, String realmId, String userId) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into VIGIL_CONSENT (ID, REALM_ID, USER_ID, TERMS_VERSION, ACCEPTED_AT, PURPOSES) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, realmId);
            insert.setString(3, userId);
            insert.setString(4, "2026-11");
            insert.setLong(5, System.currentTimeMillis());
            insert.setString(6, "risk-scoring");
            insert.executeUpdate();
        }
        return id;
    }

    private static void delete(Connection db, String id) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("delete from VIGIL_CONSENT where ID = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    private static List<String> consentIds(Connection db) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("select ID from VIGIL_CONSENT")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static List<String> columns(Connection db, String table) throws SQLException {
        return VigilTables.columns(db, table);
    }
}
