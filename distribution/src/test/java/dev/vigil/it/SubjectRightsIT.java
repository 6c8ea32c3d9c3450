package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.PrivacyAdminApi;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The data subject's rights over REST: for the user with their own token, and for the realm's admins. */
@ExtendWith(VigilServerExtension.class)
class SubjectRightsIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");

    private VigilServer server;
    private AdminApi admin;
    private VigilTables tables;
    private FreshUser user;

    @BeforeEach
    void newUserWhoAcceptedTheTerms(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        tables = new VigilTables(server);
        user = FreshUser.in(admin, DemoRealm.REALM, "rights");
    }

    @Nested
    class TheUserThemselves {

        @Test
        void exportsTheirDataAndNothingOfAnyoneElse() throws Exception {
            BearerClient self = new BearerClient(signIn());
            signInAs(admin.createUser(DemoRealm.REALM, "other-" + UUID.randomUUID(), user.password()), user.password());

            HttpResponse<String> response = AdminApi.expect(200, self.get(me("export")));

            JsonNode export = AdminApi.json(response);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(export.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(export.path("user").path("id").asText()).isEqualTo(user.id());
            assertThat(export.path("user").path("username").asText()).isEqualTo(user.username());
            List<Map<String, Object>> rows = tables.query("select ID from VIGIL_CONSENT where USER_ID = ?", user.id());
            assertThat(export.path("consents")).extracting(consent -> consent.path("id").asText())
                    .containsExactlyInAnyOrderElementsOf(rows.stream().map(row -> (String) row.get("ID")).toList());
            assertThat(export.toString()).doesNotContain("other-");
        }

        @Test
        void downloadsAConsentReceiptSignedWithTheRealmsKey() throws Exception {
            BearerClient self = new BearerClient(signIn());
            JsonNode consent = AdminApi.json(AdminApi.expect(200, self.get(me("export")))).path("consents").get(0);

            HttpResponse<String> response = AdminApi.expect(200, self.get(me("consents/" + consent.path("id").asText() + "/receipt")));

            SignedJWT receipt = SignedJWT.parse(response.body());
            assertThat(receipt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            RSAKey key = JWKSet.load(URI.create(server.realmUri(DemoRealm.REALM) + "/protocol/openid-connect/certs").toURL())
                    .getKeyByKeyId(receipt.getHeader().getKeyID()).toRSAKey();
            assertThat(receipt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            JWTClaimsSet claims = receipt.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(server.realmUri(DemoRealm.REALM).toString());
            assertThat(claims.getSubject()).isEqualTo(user.id());
            assertThat(claims.getJWTID()).isEqualTo(consent.path("id").asText());
            assertThat(claims.getStringClaim("terms_version")).isEqualTo(consent.path("termsVersion").asText());
            assertThat(claims.getStringListClaim("purposes")).containsExactly("account-security", "risk-scoring");
        }

        @Test
        void withdrawsConsentWhichEndsEverySessionAndIsAskedAgain() throws Exception {
            BearerClient self = new BearerClient(signIn());
            assertThat(admin.get(sessionsPath())).isNotEmpty();

            JsonNode result = AdminApi.json(AdminApi.expect(200, self.post(me("consent/withdraw"))));

            assertThat(result.path("withdrawnConsents").asInt()).isEqualTo(1);
            assertThat(admin.get(sessionsPath())).isEmpty();
            assertThat(tables.query("select WITHDRAWN_AT from VIGIL_CONSENT where USER_ID = ?", user.id()))
                    .allSatisfy(row -> assertThat(row.get("WITHDRAWN_AT")).isNotNull());
            assertThat(LoginJourney.isConsentPage(LoginJourney.password(new HttpSession(), app().begin().authorizationUri(),
                    user.username(), user.password()))).as("asked again at the next login").isTrue();
        }

        @Test
        void exportsTheirDevicesAndSignInsWithRiskDecisions() throws Exception {
            BearerClient self = new BearerClient(signIn());
            long at = System.currentTimeMillis() - 3_600_000;
            String deviceId = tables.insertDeviceWithSignIn(realmId(), user.id(), at);
            tables.insertDeviceWithSignIn(realmId(), admin.createUser(DemoRealm.REALM, "else-" + UUID.randomUUID(), user.password()), at);

            JsonNode export = AdminApi.json(AdminApi.expect(200, self.get(me("export"))));

            assertThat(export.path("processingRestricted").asBoolean()).isFalse();
            assertThat(export.path("devices")).hasSize(2).filteredOn(device -> device.path("id").asText().equals(deviceId))
                    .singleElement().satisfies(device -> {
                        assertThat(device.path("label").asText()).isEqualTo("Firefox on Linux (desktop)");
                        assertThat(device.path("lastSeen").asText()).isEqualTo(Instant.ofEpochMilli(at).toString());
                    });
            assertThat(export.path("signIns")).hasSize(2)
                    .filteredOn(signIn -> signIn.path("place").asText().equals("near London, GB")).singleElement()
                    .satisfies(signIn -> {
                        assertThat(signIn.path("features").path("country").asText()).isEqualTo("GB");
                        assertThat(signIn.path("risk").path("level").asText()).isEqualTo("LOW");
                        assertThat(signIn.path("risk").path("reasons")).extracting(JsonNode::asText).containsExactly("known device");
                        assertThat(signIn.path("outcome").asText()).isEqualTo("ALLOWED");
                    });
            // The real sign-in above: a new user's first login, stepped up to a one-time code.
            assertThat(export.path("signIns")).filteredOn(signIn -> signIn.path("outcome").asText().equals("STEPPED_UP"))
                    .singleElement().satisfies(signIn -> {
                        assertThat(signIn.path("risk").path("level").asText()).isEqualTo("MEDIUM");
                        assertThat(signIn.path("risk").path("reasons")).extracting(JsonNode::asText).contains("few-logins");
                    });
        }

        @Test
        void forgetsOneDeviceAndTheSignInsMadeFromIt() throws Exception {
            BearerClient self = new BearerClient(signIn());
            long now = System.currentTimeMillis();
            String forgotten = tables.insertDeviceWithSignIn(realmId(), user.id(), now);
            String kept = tables.insertDeviceWithSignIn(realmId(), user.id(), now);

            assertThat(self.delete(me("devices/" + forgotten)).statusCode()).isEqualTo(204);

            // The device of the real sign-in above stays too.
            assertThat(tables.query("select ID from VIGIL_DEVICE where USER_ID = ?", user.id()))
                    .extracting(row -> row.get("ID")).hasSize(2).contains(kept).doesNotContain(forgotten);
            assertThat(tables.query("select DEVICE_ID from VIGIL_SIGN_IN where USER_ID = ?", user.id()))
                    .extracting(row -> row.get("DEVICE_ID")).hasSize(2).contains(kept).doesNotContain(forgotten);
            assertThat(self.delete(me("devices/" + forgotten)).statusCode()).as("already gone").isEqualTo(404);
        }

        @Test
        void erasesEverythingVigilKeepsAboutThem() throws Exception {
            BearerClient self = new BearerClient(signIn());
            tables.insertDeviceWithSignIn(realmId(), user.id(), System.currentTimeMillis());

            assertThat(populationRowOf(user)).as("the user's own population row").hasSize(1);

            JsonNode result = AdminApi.json(AdminApi.expect(200, self.delete(me("data"))));

            // The consent, the real sign-in, its device and its population row, and the device and sign-in inserted above.
            assertThat(result.path("erasedRows").asInt()).isEqualTo(6);
            assertThat(populationRowOf(user)).isEmpty();
            assertThat(tables.rowsAbout(user.id())).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(admin.get(sessionsPath())).isEmpty();
        }

        @Test
        void withdrawingConsentDeletesDevicesAndHistory() throws Exception {
            BearerClient self = new BearerClient(signIn());
            tables.insertDeviceWithSignIn(realmId(), user.id(), System.currentTimeMillis());

            AdminApi.expect(200, self.post(me("consent/withdraw")));

            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_DEVICE", 0).containsEntry("VIGIL_SIGN_IN", 0)
                    .containsEntry("VIGIL_CONSENT", 1);
        }

        @Test
        void cannotRestrictTheirOwnProcessingThroughTheirToken() {
            BearerClient self = new BearerClient(signIn());

            assertThat(self.put(me("restriction")).statusCode()).isIn(404, 405);
        }

        @Test
        void withoutATokenGetsNothing() {
            assertThat(new BearerClient(null).get(me("export")).statusCode()).isEqualTo(401);
            assertThat(new BearerClient("not-a-token").get(me("export")).statusCode()).isEqualTo(401);
        }

        @Test
        void cannotReachAnotherUsersDataThroughTheAdminEndpoints() {
            String otherId = admin.createUser(DemoRealm.REALM, "victim-" + UUID.randomUUID(), user.password());
            BearerClient self = new BearerClient(signIn());

            assertThat(self.get(userPath(otherId, "export")).statusCode()).isEqualTo(403);
            assertThat(self.post(userPath(otherId, "consent/withdraw")).statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class AnAdmin {

        @Test
        void exportsAndWithdrawsForAnyUserOfTheRealm() throws Exception {
            signIn();
            BearerClient realmAdmin = admin.bearer();

            JsonNode export = AdminApi.json(AdminApi.expect(200, realmAdmin.get(userPath(user.id(), "export"))));
            assertThat(export.path("user").path("id").asText()).isEqualTo(user.id());
            assertThat(export.path("consents")).hasSize(1);

            AdminApi.expect(200, realmAdmin.post(userPath(user.id(), "consent/withdraw")));
            assertThat(admin.get(sessionsPath())).isEmpty();
        }

        @Test
        void restrictsAndLiftsProcessingForAUser() throws Exception {
            BearerClient realmAdmin = admin.bearer();

            assertThat(realmAdmin.put(userPath(user.id(), "restriction")).statusCode()).isEqualTo(204);
            assertThat(AdminApi.json(realmAdmin.get(userPath(user.id(), "export"))).path("processingRestricted").asBoolean()).isTrue();
            assertThat(tables.rowsAbout(user.id())).containsEntry("VIGIL_RESTRICTION", 1);

            assertThat(realmAdmin.delete(userPath(user.id(), "restriction")).statusCode()).isEqualTo(204);
            assertThat(AdminApi.json(realmAdmin.get(userPath(user.id(), "export"))).path("processingRestricted").asBoolean()).isFalse();
        }

        @Test
        void getsNotFoundForAnUnknownUser() {
            assertThat(admin.bearer().get(userPath(UUID.randomUUID().toString(), "export")).statusCode()).isEqualTo(404);
        }
    }

    private List<Map<String, Object>> populationRowOf(FreshUser someone) throws Exception {
        return tables.query("select N from VIGIL_POPULATION where COUNTER = '#user' and VALUE_KEY = ?", someone.id());
    }

    private String realmId() {
        return admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
    }

    private String signIn() {
        return signInAs(user.id(), user.password());
    }

    private String signInAs(String id, String secret) {
        String name = admin.get("/realms/" + DemoRealm.REALM + "/users/" + id).path("username").asText();
        OidcRelyingParty app = app();
        OidcRelyingParty.Attempt attempt = app.begin();
        var back = LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(),
                new FreshUser(id, name, secret), new Outbox(server));
        return app.finish(attempt, back.location()).tokens().getAccessToken().getValue();
    }

    private OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
    }

    private String sessionsPath() {
        return "/realms/" + DemoRealm.REALM + "/users/" + user.id() + "/sessions";
    }

    private URI me(String path) {
        return URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/me/" + path);
    }

    private URI userPath(String id, String path) {
        return new PrivacyAdminApi(server, DemoRealm.REALM).user(id, path);
    }
}
