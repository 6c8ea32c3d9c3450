package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.risk.model.calibration.CalibrationSettings;
import dev.vigil.risk.model.calibration.CalibrationTarget;
import org.junit.jupiter.api.Test;

/** The risk step's threshold mode and calibration target, read and validated like every other setting. */
class CalibrationSettingsConfigTest {

    @Test
    void fixedThresholdsUnlessTheAdminAsksForCalibratedOnes() {
        RiskConfig config = RiskConfig.of(Map.of());

        assertThat(config.calibratedThresholds()).isFalse();
        assertThat(config.calibrationTarget()).isEqualTo(new CalibrationTarget.CatchTargetedAttacks(0.99));
        assertThat(config.calibrationSample()).isEqualTo(CalibrationSettings.defaults());
    }

    @Test
    void readsATargetInTheAdminsWords() {
        RiskConfig config = RiskConfig.of(Map.of("thresholdMode", "calibrated", "calibrationTarget", "step-up-at-most",
                "calibrationStepUpPercent", "5", "calibrationMinUsers", "10", "calibrationMinLogins", "4",
                "calibrationMaxUsers", "500", "historySize", "50"));

        assertThat(config.calibratedThresholds()).isTrue();
        assertThat(config.calibrationTarget()).isEqualTo(new CalibrationTarget.StepUpAtMost(0.05));
        assertThat(config.calibrationTarget().inWords()).isEqualTo("step up at most 5% of legitimate logins");
        assertThat(config.calibrationSample().minUsers()).isEqualTo(10);
        assertThat(config.calibrationSample().minLogins()).isEqualTo(4);
        assertThat(config.calibrationSample().maxUsers()).isEqualTo(500);
        assertThat(config.calibrationSample().historyCap()).as("the step's history size").isEqualTo(50);
    }

    @Test
    void refusesATargetOutOfRange() {
        assertThatThrownBy(() -> RiskConfig.of(Map.of("calibrationAttacksCaughtPercent", "120")))
                .isInstanceOf(InvalidSetting.class)
                .satisfies(bad -> assertThat(((InvalidSetting) bad).field()).isEqualTo("calibrationAttacksCaughtPercent"));
        assertThatThrownBy(() -> RiskConfig.of(Map.of("calibrationStepUpPercent", "80")))
                .isInstanceOf(InvalidSetting.class);
        assertThatThrownBy(() -> RiskConfig.of(Map.of("thresholdMode", "automatic")))
                .isInstanceOf(InvalidSetting.class);
        assertThatThrownBy(() -> RiskConfig.of(Map.of("calibrationTarget", "catch-everything")))
                .isInstanceOf(InvalidSetting.class);
    }

    @Test
    void refusesASampleThatCouldNotBeRead() {
        assertThatThrownBy(() -> RiskConfig.of(Map.of("historySize", "20", "calibrationMinLogins", "30")))
                .isInstanceOf(InvalidSetting.class)
                .satisfies(bad -> assertThat(((InvalidSetting) bad).field()).isEqualTo("calibrationMinLogins"));
        assertThatThrownBy(() -> RiskConfig.of(Map.of("calibrationMinUsers", "100", "calibrationMaxUsers", "50")))
                .isInstanceOf(InvalidSetting.class)
                .satisfies(bad -> assertThat(((InvalidSetting) bad).field()).isEqualTo("calibrationMaxUsers"));
        assertThatThrownBy(() -> RiskConfig.of(Map.of("calibrationMaxUsers", "1000000")))
                .isInstanceOf(InvalidSetting.class);
    }

    @Test
    void aSmallHistoryLowersTheDefaultLoginsNeeded() {
        assertThat(RiskConfig.of(Map.of("historySize", "5")).calibrationSample().minLogins()).isEqualTo(5);
    }
}
