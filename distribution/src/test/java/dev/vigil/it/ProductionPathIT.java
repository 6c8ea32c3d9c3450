package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.ItConfig;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.PostgresServer;
import dev.vigil.it.support.ProductionPath;
import dev.vigil.it.support.ServerDatabase;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's production path, run as written on a real PostgreSQL: the tarball unpacked, {@code kc.sh build
 * --db=postgres}, {@code kc.sh start --optimized} with {@code KC_DB_URL}, {@code KC_DB_USERNAME},
 * {@code KC_DB_PASSWORD}, a hostname and the proxy options; then a whole Vigil login on it.
 */
class ProductionPathIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");

    @Test
    void theReadmesProductionCommandsStartVigilOnPostgresqlAndAUserSignsInThroughEveryVigilStep(@TempDir Path dir)
            throws SQLException {
        Path home = ProductionPath.buildForPostgres(ProductionPath.unpack(ItConfig.tarball(), dir));
        ServerDatabase database = PostgresServer.shared().createDatabase("production");

        try (VigilServer server = VigilServer.production("production", home, database).start()) {
            AdminApi admin = new AdminApi(server);
            FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "production");
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                    APP_CALLBACK);
            Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page terms = LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password());
            assertThat(LoginJourney.isConsentPage(terms)).as("the terms after the password").isTrue();
            Page deviceCheck = LoginJourney.accept(browser, terms);
            assertThat(LoginJourney.isDeviceCheckPage(deviceCheck)).as("the device check after the terms").isTrue();
            Page codePage = LoginJourney.deviceCheck(browser, deviceCheck);
            assertThat(LoginJourney.isOtpPage(codePage)).as("a new user's first login is stepped up").isTrue();
            Page back = LoginJourney.otpFromOutbox(browser, codePage, new Outbox(server), user.email());

            IDTokenClaimsSet idToken = app.finish(attempt, back.location()).idToken();
            assertThat(idToken.getIssuer().getValue()).isEqualTo(server.realmUri(DemoRealm.REALM).toString());
            assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(user.username());
            assertThat(idToken.getStringClaim("acr")).as("the login passed a risk step-up").isEqualTo("2");

            try (Connection db = server.openDatabase()) {
                assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
                assertThat(vigilChangeSets(db)).as("Vigil's Liquibase changelogs ran on PostgreSQL").isNotEmpty();
                assertThat(VigilTables.columns(db, "VIGIL_CONSENT")).contains("USER_ID", "TERMS_VERSION", "ACCEPTED_AT");
            }
            assertThat(new VigilTables(server).rowsAbout(user.id()))
                    .containsEntry("VIGIL_CONSENT", 1).containsEntry("VIGIL_SIGN_IN", 1).containsEntry("VIGIL_DEVICE", 1);
        }
    }

    /** Change sets from Vigil's changelogs, in whichever changelog table Keycloak gives an extension's changelog. */
    private static List<String> vigilChangeSets(Connection db) throws SQLException {
        List<String> changelogTables = new ArrayList<>();
        // Liquibase's changelog tables (not its lock table): those with a FILENAME column.
        try (ResultSet columns = db.getMetaData().getColumns(null, null, "databasechangelog%", "filename")) {
            while (columns.next()) {
                changelogTables.add(columns.getString("TABLE_NAME"));
            }
        }
        List<String> files = new ArrayList<>();
        for (String table : changelogTables) {
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("select filename from " + table + " where filename like '%vigil%'")) {
                while (rows.next()) {
                    files.add(rows.getString(1));
                }
            }
        }
        return files;
    }
}
