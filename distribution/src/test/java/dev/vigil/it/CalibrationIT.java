package dev.vigil.it;

import static dev.vigil.it.support.Calibrations.LINKOPING;
import static dev.vigil.it.support.Calibrations.calibrationPath;
import static dev.vigil.it.support.Calibrations.laptop;
import static dev.vigil.it.support.Calibrations.lastLogin;
import static dev.vigil.it.support.Calibrations.signIn;
import static dev.vigil.it.support.Calibrations.twoUsersSignedInThreeTimes;
import static dev.vigil.it.support.Calibrations.whileCalibrated;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepRealm;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import dev.vigil.it.support.VigilTables;
import dev.vigil.local.SimultaneousStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calibrated risk thresholds (issue 13, point 1), over HTTP: the admin asks for thresholds derived from the realm's own
 * sign-ins ("catch at least 99% of simulated targeted attacks"), recomputes them through
 * {@code /admin/realms/{realm}/vigil-risk/calibration}, reads them back with their expected rates, and the risk step
 * judges logins with them, saying so in the login event; a realm with too little history keeps the fixed thresholds
 * and says why; a target out of range is refused when saved.
 */
@ExtendWith(VigilServerExtension.class)
class CalibrationIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");

    private AdminApi admin;
    private VigilServer server;

    @BeforeEach
    void admin(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
    }

    @Nested
    class ARealmWithEnoughHistory {

        @Test
        void getsCalibratedThresholdsWithTheirExpectedRatesAndTheRiskStepUsesThem() throws Exception {
            Outbox outbox = new Outbox(server);
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
            FreshUser first = twoUsersSignedInThreeTimes(admin, DemoRealm.REALM, app, outbox, "calibration").get(0);
            whileCalibrated(admin, DemoRealm.REALM, () -> {
                JsonNode recomputed = AdminApi.json(AdminApi.expect(200, admin.post(calibrationPath(DemoRealm.REALM), Map.of())));

                JsonNode latest = recomputed.path("latest");
                assertThat(latest.path("calibrated").asBoolean()).as("%s", recomputed).isTrue();
                assertThat(latest.path("target").asText()).isEqualTo("catch-attacks:0.99");
                assertThat(latest.path("sampleUsers").asInt()).isGreaterThanOrEqualTo(2);
                assertThat(latest.path("simulatedAttacks").asInt()).isGreaterThanOrEqualTo(8);
                assertThat(latest.path("expectedAttacksCaught").asDouble()).isGreaterThanOrEqualTo(0.99);
                assertThat(latest.path("expectedLegitimateSteppedUp").isNumber()).isTrue();
                assertThat(latest.path("mediumThreshold").asDouble()).isPositive();
                assertThat(latest.path("highThreshold").asDouble())
                        .isGreaterThanOrEqualTo(latest.path("mediumThreshold").asDouble());

                JsonNode shown = admin.get(calibrationPath(DemoRealm.REALM));
                assertThat(shown.path("thresholdMode").asText()).isEqualTo("calibrated");
                assertThat(shown.path("targetInWords").asText())
                        .isEqualTo("catch at least 99% of simulated targeted attacks");
                assertThat(shown.path("latest")).isEqualTo(latest);

                signIn(laptop(), app, first, outbox);
                assertThat(lastLogin(admin, DemoRealm.REALM, first).path("vigil_risk_thresholds").asText()).isEqualTo("calibrated");
            });
        }
    }

    @Nested
    class ANewRealm {

        private StepRealm realm;

        @BeforeEach
        void aRealmAskingForCalibratedThresholds() {
            realm = StepRealm.create(admin, server, "calibration-tiny", "vigil-risk-evaluation",
                    Map.of("thresholdMode", "calibrated"));
            AdminApi.expect(204, admin.put("/realms/" + realm.name(), Map.of("eventsEnabled", true)));
        }

        @Test
        void keepsTheFixedThresholdsAndSaysWhy() {
            JsonNode before = admin.get(calibrationPath(realm.name()));
            assertThat(before.hasNonNull("latest")).as("no calibration yet: %s", before).isFalse();
            FreshUser user = realm.user("tiny");
            signIn(new HttpSession().from(LINKOPING), realm.app(), user, null);
            assertThat(lastLogin(admin, realm.name(), user).path("vigil_risk_thresholds").asText())
                    .isEqualTo("fallback:not-computed");

            JsonNode recomputed = AdminApi.json(AdminApi.expect(200, admin.post(calibrationPath(realm.name()), Map.of())));

            JsonNode latest = recomputed.path("latest");
            assertThat(latest.path("calibrated").asBoolean()).as("%s", recomputed).isFalse();
            assertThat(latest.path("fallback").asText()).isEqualTo("too-few-users");
            assertThat(latest.path("mediumThreshold").asDouble()).isEqualTo(recomputed.path("fixedMediumThreshold").asDouble());
            signIn(new HttpSession().from(LINKOPING), realm.app(), user, null);
            assertThat(lastLogin(admin, realm.name(), user).path("vigil_risk_thresholds").asText())
                    .isEqualTo("fallback:too-few-users");
        }

        @Test
        void aRemovedRealmTakesItsCalibrationWithIt() throws Exception {
            String realmId = admin.get("/realms/" + realm.name()).path("id").asText();
            AdminApi.expect(200, admin.post(calibrationPath(realm.name()), Map.of()));
            VigilTables tables = new VigilTables(server);
            assertThat(tables.rowsInRealm(realmId)).containsEntry("VIGIL_RISK_CALIBRATION", 1);

            AdminApi.expect(204, admin.delete("/realms/" + realm.name()));

            assertThat(tables.rowsInRealm(realmId)).containsEntry("VIGIL_RISK_CALIBRATION", 0);
        }

        @Test
        void concurrentRecomputationsNeverRaceToAServerError() throws Exception {
            List<Integer> statuses = SimultaneousStart.run(8, Duration.ofMinutes(2),
                    post -> admin.post(calibrationPath(realm.name()), Map.of()).statusCode());

            assertThat(statuses).as("each recomputed, or refused while another runs").allMatch(s -> s == 200 || s == 409)
                    .contains(200);
            assertThat(admin.get(calibrationPath(realm.name())).path("latest").path("fallback").asText())
                    .isEqualTo("too-few-users");
        }

        @Test
        void refusesATargetOutOfRangeWhenSaved() {
            JsonNode config = admin.get(realm.configPath()).deepCopy();
            ((ObjectNode) config.path("config")).put("calibrationAttacksCaughtPercent", "120");

            JsonNode refusal = AdminApi.json(AdminApi.expect(400, admin.put(realm.configPath(), config)));

            assertThat(refusal.path("field").asText()).isEqualTo("calibrationAttacksCaughtPercent");
            assertThat(refusal.path("errorMessage").asText()).contains("from 50 to 100");
        }

        @Test
        void answersARealmWithoutARiskStepWithAConflictNotAServerError() {
            String other = StepRealm.create(admin, server, "calibration-none", "vigil-consent", Map.of()).name();

            assertThat(admin.post(calibrationPath(other), Map.of()).statusCode()).isEqualTo(409);
        }
    }
}
