package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class RiskLevelConditionConfigTest {

    @Test
    void withoutConfigItMatchesTheStepUpLevels() {
        assertThat(RiskLevelConditionConfig.of(null).levels()).containsExactlyInAnyOrder("MEDIUM", "HIGH");
        assertThat(RiskLevelConditionConfig.of(null).negate()).isFalse();
    }

    @Test
    void readsTheConsolesMultivaluedList() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of("levels", "HIGH", "negate", "true"));

        RiskLevelConditionConfig config = RiskLevelConditionConfig.of(model);

        assertThat(config.levels()).containsExactly("HIGH");
        assertThat(config.negate()).isTrue();
    }
}
