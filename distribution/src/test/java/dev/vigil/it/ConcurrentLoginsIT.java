package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import dev.vigil.local.SimultaneousStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 32 logins at the same moment, of one user and of 32 users, all from one device never seen before: each signs in
 * (no deadlock, no lock timeout, no error page), the device gets one row per user, and every population counter
 * gains exactly one per login, the new fingerprint's counter created once and counted once as a distinct value, a
 * brand-new user's simultaneous first logins counted as one user.
 * Runs on H2 and, in the PostgreSQL run, on PostgreSQL.
 */
@ExtendWith(VigilServerExtension.class)
class ConcurrentLoginsIT {

    private static final int LOGINS = 32;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    /** Linköping, made a trusted network below: every login is LOW, so no code is asked and none is mixed up. */
    private static final String TRUSTED = "89.160.20.112";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0";

    private VigilServer server;
    private AdminApi admin;
    private VigilTables tables;
    private OidcRelyingParty app;
    private String realmId;

    @BeforeEach
    void demoRealm(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        tables = new VigilTables(server);
        app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
        realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
    }

    @Test
    void oneUserSigningInThirtyTwoTimesAtOnceFromANewDevice() throws Exception {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "concurrent-one");
        HttpSession device = newDevice();
        trusted(() -> {
            // Terms accepted once, from another device.
            assertThat(signIn(newDevice(), user).isRedirect()).isTrue();
            Map<String, Long> before = counters();

            List<Page> ends = SimultaneousStart.run(LOGINS, TIMEOUT, login -> signIn(device.sameDeviceWithoutCookies(), user));

            assertThat(ends).allSatisfy(end -> assertThat(end.status()).as("signed in, not an error").isEqualTo(302));
            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_DEVICE", 2).containsEntry("VIGIL_SIGN_IN", LOGINS + 1);
            assertCountedOnce(before, fingerprintKeyOf(user), 0);
        });
    }

    @Test
    void aNewUserSigningInThirtyTwoTimesAtOnceIsCountedAsOneUser() throws Exception {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "concurrent-first");
        HttpSession device = newDevice();
        trusted(() -> {
            Map<String, Long> before = counters();

            List<Page> ends = SimultaneousStart.run(LOGINS, TIMEOUT, login -> signIn(device.sameDeviceWithoutCookies(), user));

            assertThat(ends).allSatisfy(end -> assertThat(end.status()).as("signed in, not an error").isEqualTo(302));
            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_DEVICE", 1).containsEntry("VIGIL_SIGN_IN", LOGINS);
            Map<String, Long> after = counters();
            assertThat(after.get("#users|-") - before.getOrDefault("#users|-", 0L)).as("users").isEqualTo(1);
            assertThat(after.get("#user|" + user.id())).as("the user's own row").isEqualTo(LOGINS);
            assertThat(after.get("#sign-ins|-") - before.getOrDefault("#sign-ins|-", 0L)).as("sign-ins").isEqualTo(LOGINS);
        });
    }

    @Test
    void thirtyTwoUsersSigningInAtOnceForTheFirstTimeFromOneNewDevice() throws Exception {
        List<FreshUser> users = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            users.add(FreshUser.in(admin, DemoRealm.REALM, "concurrent-many"));
        }
        HttpSession device = newDevice();
        trusted(() -> {
            Map<String, Long> before = counters();

            List<Page> ends = SimultaneousStart.run(LOGINS, TIMEOUT,
                    login -> signIn(device.sameDeviceWithoutCookies(), users.get(login)));

            assertThat(ends).allSatisfy(end -> assertThat(end.status()).as("signed in, not an error").isEqualTo(302));
            for (FreshUser user : users) {
                assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_DEVICE", 1).containsEntry("VIGIL_SIGN_IN", 1);
            }
            assertCountedOnce(before, fingerprintKeyOf(users.get(0)), LOGINS);
        });
    }

    /**
     * Every login added one to the realm's sign-ins, {@code newUsers} to its users, and created the new device's
     * fingerprint counter (at the number of logins) and one more distinct fingerprint.
     */
    private void assertCountedOnce(Map<String, Long> before, String fingerprintKey, int newUsers) throws Exception {
        Map<String, Long> after = counters();
        assertThat(after.get("#sign-ins|-") - before.getOrDefault("#sign-ins|-", 0L)).as("sign-ins").isEqualTo(LOGINS);
        assertThat(after.getOrDefault("#users|-", 0L) - before.getOrDefault("#users|-", 0L)).as("users").isEqualTo(newUsers);
        assertThat(before).doesNotContainKey("FINGERPRINT|" + fingerprintKey);
        assertThat(after.get("FINGERPRINT|" + fingerprintKey)).as("the new fingerprint's counter").isEqualTo(LOGINS);
        assertThat(after.get("#distinct:FINGERPRINT|-") - before.getOrDefault("#distinct:FINGERPRINT|-", 0L))
                .as("distinct fingerprints").isEqualTo(1);
    }

    private HttpSession newDevice() {
        return new HttpSession().from(TRUSTED).header("User-Agent", FIREFOX).header("Accept-Language", "sv-SE,sv;q=0.9");
    }

    /** Password, terms when asked, device check, and the code should the risk step ever ask for one. */
    private Page signIn(HttpSession browser, FreshUser user) {
        return LoginJourney.signInCompletely(browser, app.begin().authorizationUri(), user, new Outbox(server));
    }

    /** The realm's population counters, as "COUNTER|VALUE_KEY" to N. */
    private Map<String, Long> counters() throws Exception {
        Map<String, Long> counters = new HashMap<>();
        for (Map<String, Object> row : tables.query("select COUNTER, VALUE_KEY, N from VIGIL_POPULATION where REALM_ID = ?", realmId)) {
            counters.put(row.get("COUNTER") + "|" + row.get("VALUE_KEY"), ((Number) row.get("N")).longValue());
        }
        return counters;
    }

    /** The stored (keyed-hash) fingerprint of the user's newest device, as the history and the counters keep it. */
    private String fingerprintKeyOf(FreshUser user) throws Exception {
        List<Map<String, Object>> rows = tables.query("select FINGERPRINT_HASH from VIGIL_SIGN_IN where REALM_ID = ?"
                + " and USER_ID = ? order by AT desc", realmId, user.id());
        assertThat(rows).isNotEmpty();
        return (String) rows.get(0).get("FINGERPRINT_HASH");
    }

    /**
     * Runs {@code body} with every login of the trusted address LOW and without Keycloak's brute-force detection,
     * which would take 32 logins of one user within a second for an attack; restores both after.
     */
    private void trusted(StepSettings.ThrowingRunnable body) throws Exception {
        String realm = "/realms/" + DemoRealm.REALM;
        boolean bruteForceProtected = admin.get(realm).path("bruteForceProtected").asBoolean();
        AdminApi.expect(204, admin.put(realm, Map.of("bruteForceProtected", false)));
        try {
            StepSettings.risk(admin, DemoRealm.REALM).with(config -> config
                    .put("trustedNetworks", TRUSTED + "/32").put("trustedNetworkSteps", "2")
                    .put("notifyNewDevice", "false").put("notifyNewCountry", "false"), body);
        } finally {
            AdminApi.expect(204, admin.put(realm, Map.of("bruteForceProtected", bruteForceProtected)));
        }
    }
}
