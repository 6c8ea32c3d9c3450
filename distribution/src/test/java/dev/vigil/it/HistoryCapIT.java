package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user's history is bounded at write: a sign-in recorded at the cap replaces the oldest one. */
@ExtendWith(VigilServerExtension.class)
class HistoryCapIT {

    /** {@code SignInHistoryProvider.MAX_SIGN_INS_PER_USER}. */
    private static final int CAP = 1000;
    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");

    @Test
    void aSignInRecordedAtTheCapDeletesTheOldestAndKeepsTheCap(VigilServer server) throws Exception {
        AdminApi admin = new AdminApi(server);
        VigilTables tables = new VigilTables(server);
        String realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "history-cap");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        HttpSession browser = new HttpSession().from("89.160.20.115");
        assertThat(LoginJourney.signInCompletely(browser, app.begin().authorizationUri(), user, new Outbox(server)).isRedirect()).isTrue();
        long oldest = System.currentTimeMillis() - 86_400_000L;
        String oldestId = insertOlderSignIns(server, realmId, user.id(), CAP - 1, oldest);
        assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_SIGN_IN", CAP);

        browser.forgetSignIn();
        assertThat(LoginJourney.signInCompletely(browser, app.begin().authorizationUri(), user, new Outbox(server)).isRedirect()).isTrue();

        assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_SIGN_IN", CAP);
        List<Map<String, Object>> ids = tables.query("select ID from VIGIL_SIGN_IN where USER_ID = ?", user.id());
        assertThat(ids).extracting(row -> row.get("ID")).doesNotContain(oldestId);
        assertThat(tables.query("select ID from VIGIL_SIGN_IN where USER_ID = ? and AT > ?", user.id(), oldest + CAP))
                .as("the two real sign-ins").hasSize(2);
    }

    /** {@code count} sign-ins a millisecond apart from {@code from}, as the store keeps them; the oldest one's id. */
    private static String insertOlderSignIns(VigilServer server, String realmId, String userId, int count, long from)
            throws Exception {
        String oldestId = null;
        try (Connection db = server.openDatabase(); PreparedStatement insert = db.prepareStatement(
                "insert into VIGIL_SIGN_IN (ID, REALM_ID, USER_ID, AT, COUNTRY, RISK_LEVEL, OUTCOME) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                oldestId = oldestId == null ? id : oldestId;
                insert.setString(1, id);
                insert.setString(2, realmId);
                insert.setString(3, userId);
                insert.setLong(4, from + i);
                insert.setString(5, "SE");
                insert.setString(6, "LOW");
                insert.setString(7, "ALLOWED");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return oldestId;
    }
}
