package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import dev.vigil.api.settings.InvalidSetting;
import org.keycloak.models.AuthenticatorConfigModel;

class RiskLevelConditionConfigTest {

    @Test
    void withoutConfigItMatchesTheStepUpLevels() {
        assertThat(RiskLevelConditionConfig.of((AuthenticatorConfigModel) null).levels()).containsExactlyInAnyOrder("MEDIUM", "HIGH");
        assertThat(RiskLevelConditionConfig.of((AuthenticatorConfigModel) null).negate()).isFalse();
    }

    @Test
    void readsTheConsolesMultivaluedList() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of("levels", "HIGH", "negate", "true"));

        RiskLevelConditionConfig config = RiskLevelConditionConfig.of(model);

        assertThat(config.levels()).containsExactly("HIGH");
        assertThat(config.negate()).isTrue();
    }

    @Test
    void aLevelThatIsNoneIsRefused() {
        assertThatThrownBy(() -> RiskLevelConditionConfig.of(Map.of("levels", "HIGH##EXTREME")))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("levels").hasMessageContaining("[LOW, MEDIUM, HIGH]");
    }
}
