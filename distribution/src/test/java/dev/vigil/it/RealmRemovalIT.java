package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Removing a realm removes every Vigil row of that realm, in every VIGIL_* table, and no other realm's. */
@ExtendWith(VigilServerExtension.class)
class RealmRemovalIT {

    @Test
    void removingARealmLeavesNoVigilRowOfItAndKeepsTheOtherRealmsRows(VigilServer server) throws SQLException {
        AdminApi admin = new AdminApi(server);
        VigilTables tables = new VigilTables(server);
        String removed = realmWithVigilRows(admin, tables, "removed");
        String kept = realmWithVigilRows(admin, tables, "kept");
        String removedId = idOf(admin, removed);
        try {
            assertThat(tables.rowsInRealm(removedId)).containsEntry("VIGIL_CONSENT", 1)
                    .containsEntry("VIGIL_DEVICE", 1).containsEntry("VIGIL_SIGN_IN", 1).containsEntry("VIGIL_LAST_SIGN_IN", 1);

            AdminApi.expect(204, admin.delete("/realms/" + removed));

            assertThat(tables.rowsInRealm(removedId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(tables.rowsInRealm(idOf(admin, kept))).containsEntry("VIGIL_CONSENT", 1)
                    .containsEntry("VIGIL_DEVICE", 1).containsEntry("VIGIL_SIGN_IN", 1).containsEntry("VIGIL_LAST_SIGN_IN", 1);
        } finally {
            AdminApi.expect(204, admin.delete("/realms/" + kept));
        }
    }

    /** A new realm with a user and, in Vigil's tables, a consent, a device, a sign-in and a last sign-in. */
    private static String realmWithVigilRows(AdminApi admin, VigilTables tables, String purpose) throws SQLException {
        String realm = "removal-" + purpose + "-" + UUID.randomUUID();
        AdminApi.expect(201, admin.post("/realms", Map.of("realm", realm, "enabled", true)));
        String realmId = idOf(admin, realm);
        String userId = admin.createUser(realm, "user-" + purpose, UUID.randomUUID().toString());
        long now = System.currentTimeMillis();
        tables.update("insert into VIGIL_CONSENT (ID, REALM_ID, USER_ID, TERMS_VERSION, ACCEPTED_AT, PURPOSES) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), realmId, userId, "2026-11", now, "risk-scoring");
        tables.insertDeviceWithSignIn(realmId, userId, now);
        tables.update("insert into VIGIL_LAST_SIGN_IN (REALM_ID, USER_ID, AT) values (?, ?, ?)", realmId, userId, now);
        return realm;
    }

    private static String idOf(AdminApi admin, String realm) {
        return admin.get("/realms/" + realm).path("id").asText();
    }
}
