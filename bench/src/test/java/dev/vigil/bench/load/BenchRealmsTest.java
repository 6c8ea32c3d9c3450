package dev.vigil.bench.load;

import static dev.vigil.bench.load.BenchRealms.RiskStep.ENFORCE;
import static dev.vigil.bench.load.BenchRealms.RiskStep.REPORT_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BenchRealmsTest {

    /** The tests run in bench/. */
    private static final Path DEMO_REALM = Path.of("../realm-config/vigil-demo-realm.json");
    private static final List<BenchUser> USERS = List.of(new BenchUser("u1", "p1", "89.160.20.112"),
            new BenchUser("u2", "p2", "89.160.20.113"));

    @Test
    void theTwoRealmsDifferOnlyInNameAndBrowserFlow() {
        ObjectNode stock = BenchRealms.realm(DEMO_REALM, BenchRealms.STOCK, USERS, LoadOptions.Hashing.CHEAP, ENFORCE);
        ObjectNode vigil = BenchRealms.realm(DEMO_REALM, BenchRealms.VIGIL, USERS, LoadOptions.Hashing.CHEAP, ENFORCE);

        assertThat(stock.path("browserFlow").asText()).isEqualTo("browser");
        assertThat(vigil.path("browserFlow").asText()).isEqualTo("vigil browser");
        for (String differs : List.of("realm", "displayName", "browserFlow")) {
            stock.remove(differs);
            vigil.remove(differs);
        }
        assertThat(stock).isEqualTo(vigil);
    }

    @Test
    void everyUserWithAPasswordAndTheRealmsHashing() {
        ObjectNode cheap = BenchRealms.realm(DEMO_REALM, BenchRealms.VIGIL, USERS, LoadOptions.Hashing.CHEAP, ENFORCE);
        ObjectNode stockHashing = BenchRealms.realm(DEMO_REALM, BenchRealms.VIGIL, USERS, LoadOptions.Hashing.DEFAULT, ENFORCE);

        assertThat(cheap.path("passwordPolicy").asText()).isEqualTo("hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");
        assertThat(stockHashing.has("passwordPolicy")).isFalse();
        assertThat(cheap.path("users")).extracting(user -> user.path("username").asText()).containsExactly("u1", "u2");
        JsonNode first = cheap.path("users").get(0);
        assertThat(first.path("email").asText()).isEqualTo("u1@bench.example");
        assertThat(first.path("credentials").get(0).path("value").asText()).isEqualTo("p1");
    }

    @Test
    void codeSendLimitsAtTheHighestTheSettingsAllow() {
        ObjectNode realm = BenchRealms.realm(DEMO_REALM, BenchRealms.VIGIL, USERS, LoadOptions.Hashing.CHEAP, ENFORCE);

        JsonNode otp = null;
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if ("vigil otp".equals(config.path("alias").asText())) {
                otp = config.path("config");
            }
        }
        assertThat(otp).isNotNull();
        assertThat(otp.path("resendCooldownSeconds").asText()).isEqualTo("0");
        assertThat(otp.path("maxSendsPerUserPerHour").asText()).isEqualTo("1000");
        assertThat(otp.path("channel").asText()).isEqualTo("outbox");
    }

    @Test
    void reportOnlyChangesTheRiskStepsModeAndNothingElse() {
        ObjectNode enforcing = BenchRealms.realm(DEMO_REALM, BenchRealms.VIGIL, USERS, LoadOptions.Hashing.CHEAP, ENFORCE);
        ObjectNode reporting = BenchRealms.realm(DEMO_REALM, BenchRealms.VIGIL, USERS, LoadOptions.Hashing.CHEAP, REPORT_ONLY);

        assertThat(riskStep(enforcing).path("mode").asText()).isEqualTo("enforce");
        assertThat(riskStep(reporting).path("mode").asText()).isEqualTo("report-only");
        ((ObjectNode) riskStep(reporting)).put("mode", "enforce");
        assertThat(reporting).isEqualTo(enforcing);
    }

    private static JsonNode riskStep(ObjectNode realm) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if ("vigil risk".equals(config.path("alias").asText())) {
                return config.path("config");
            }
        }
        throw new AssertionError("no vigil risk configuration");
    }
}
