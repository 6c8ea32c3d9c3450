package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No data without consent: with the consent step limited to demo-site, a login through demo-app by a user who
 * never accepted the terms is scored from what Vigil already knows, and nothing is learnt from it.
 */
@ExtendWith(VigilServerExtension.class)
class ConsentScopeIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final URI SITE_CALLBACK = URI.create("http://127.0.0.1:8088/oidc/callback");
    private static final String DEVICE_COOKIE = "VIGIL_DEVICE";

    private VigilServer server;
    private AdminApi admin;
    private VigilTables tables;
    private FreshUser user;
    private String realmId;

    @BeforeEach
    void newUser(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        tables = new VigilTables(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "scope");
        realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
    }

    @Test
    void aLoginThroughAClientThatAsksNoConsentRecordsNothingUntilTheUserConsents() throws Exception {
        // Consent asked by demo-site only; every writer on, the last sign-in time included.
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("clients", DemoRealm.SITE_CLIENT)
                .put("inactiveAccountDays", "30"), () -> {
            Map<String, Long> populationBefore = population();
            HttpSession appBrowser = new HttpSession().from("89.160.20.112");

            signIn(app(), appBrowser);

            assertThat(tables.rowsAbout(user.id())).as("no device, sign-in, consent or last sign-in row")
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(population()).as("the realm's population counts").isEqualTo(populationBefore);
            assertThat(appBrowser.hasCookie(DEVICE_COOKIE)).as("remembered-device cookie").isFalse();

            HttpSession siteBrowser = new HttpSession().from("89.160.20.112");
            OidcRelyingParty site = site();
            OidcRelyingParty.Attempt attempt = site.begin();
            Page terms = LoginJourney.password(siteBrowser, attempt.authorizationUri(), user.username(), user.password());
            assertThat(LoginJourney.isConsentPage(terms)).isTrue();
            Page back = LoginJourney.complete(siteBrowser, LoginJourney.accept(siteBrowser, terms), new Outbox(server), user);
            site.finish(attempt, back.location());

            assertThat(tables.rowsAbout(user.id())).as("once consented, the data flows").containsEntry("VIGIL_CONSENT", 1)
                    .containsEntry("VIGIL_SIGN_IN", 1).containsEntry("VIGIL_DEVICE", 1).containsEntry("VIGIL_LAST_SIGN_IN", 1);
            assertThat(population().get("#sign-ins")).isEqualTo(populationBefore.getOrDefault("#sign-ins", 0L) + 1);
            assertThat(siteBrowser.hasCookie(DEVICE_COOKIE)).isTrue();

            signIn(app(), new HttpSession().from("89.160.20.112"));
            assertThat(tables.rowsAbout(user.id())).as("the realm's terms, accepted once, cover demo-app too")
                    .containsEntry("VIGIL_SIGN_IN", 2);
        });
    }

    private void signIn(OidcRelyingParty client, HttpSession browser) {
        OidcRelyingParty.Attempt attempt = client.begin();
        Page back = LoginJourney.signInCompletely(browser, attempt.authorizationUri(), user, new Outbox(server));
        assertThat(client.finish(attempt, back.location()).idToken().getSubject().getValue()).isEqualTo(user.id());
    }

    /** The realm-wide counters of the risk model (sign-ins, users, distinct values), by counter. */
    private Map<String, Long> population() throws SQLException {
        List<Map<String, Object>> rows = tables.query("select COUNTER, sum(N) as TOTAL from VIGIL_POPULATION"
                + " where REALM_ID = ? and COUNTER like '#%' group by COUNTER", realmId);
        return rows.stream().collect(Collectors.toMap(row -> (String) row.get("COUNTER"),
                row -> ((Number) row.get("TOTAL")).longValue()));
    }

    private OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
    }

    private OidcRelyingParty site() {
        return OidcRelyingParty.confidentialClient(server.realmUri(DemoRealm.REALM), DemoRealm.SITE_CLIENT,
                DemoRealm.SITE_SECRET, SITE_CALLBACK);
    }
}
