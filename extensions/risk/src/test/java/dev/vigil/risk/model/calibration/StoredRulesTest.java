package dev.vigil.risk.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.Facts;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskPolicy;
import dev.vigil.risk.model.Score;
import org.junit.jupiter.api.Test;

/** The codes read back are the ones {@link RiskPolicy} records: the two must not drift apart. */
class StoredRulesTest {

    private final RiskPolicy policy = new RiskPolicy(PolicySettings.defaults());

    @Test
    void everyRuleThePolicyRecordedIsReadBack() {
        Facts all = Facts.builder(20).rememberedDevice(true).trustedNetwork(true).anonymizer(true, true, true, true)
                .travel(true, 5_000).build();

        assertThat(StoredRules.of(stored(all)))
                .isEqualTo(new StoredRules(true, true, true, true, true, true, true));
    }

    @Test
    void aLoginNoRuleTouchedReadsAsNone() {
        assertThat(StoredRules.of(stored(Facts.builder(20).recognizedDevice(true).build()))).isEqualTo(StoredRules.NONE);
    }

    private SignIn stored(Facts facts) {
        List<String> codes = policy.assess(new Score(1e-3, List.of()), facts).reasonCodes();
        return new SignIn(null, Instant.EPOCH, Map.of(), null, "x", "LOW", 1e-3, codes, SignIn.Outcome.ALLOWED);
    }
}
