package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.model.PolicySettings;
import org.junit.jupiter.api.Test;

class ThresholdChoiceTest {

    private static final RiskConfig CALIBRATED = RiskConfig.of(Map.of("thresholdMode", "calibrated"));

    @Test
    void fixedModeNeverReadsTheStore() {
        ThresholdChoice choice = ThresholdChoice.of(RiskConfig.of(Map.of()), () -> {
            throw new AssertionError("read");
        });

        assertThat(choice.source()).isEqualTo("fixed");
        assertThat(choice.config().policy()).isEqualTo(PolicySettings.defaults());
    }

    @Test
    void usesTheCalibratedThresholdsOfTheConfiguredTarget() {
        ThresholdChoice choice = ThresholdChoice.of(CALIBRATED, () -> Optional.of(stored(CALIBRATED, null)));

        assertThat(choice.source()).isEqualTo("calibrated");
        assertThat(choice.config().policy().mediumThreshold()).isEqualTo(2e-4);
        assertThat(choice.config().policy().highThreshold()).isEqualTo(10);
        assertThat(choice.config().policy().minPriorLogins()).as("the other rules unchanged")
                .isEqualTo(PolicySettings.defaults().minPriorLogins());
    }

    @Test
    void keepsTheFixedThresholdsAndSaysWhyOtherwise() {
        assertThat(ThresholdChoice.of(CALIBRATED, Optional::empty).source()).isEqualTo("fallback:not-computed");
        RiskConfig otherTarget = RiskConfig.of(Map.of("thresholdMode", "calibrated", "calibrationTarget", "step-up-at-most"));
        assertThat(ThresholdChoice.of(CALIBRATED, () -> Optional.of(stored(otherTarget, null))).source())
                .isEqualTo("fallback:target-changed");
        ThresholdChoice tooFew = ThresholdChoice.of(CALIBRATED, () -> Optional.of(stored(CALIBRATED, "too-few-users")));
        assertThat(tooFew.source()).isEqualTo("fallback:too-few-users");
        assertThat(tooFew.config().policy()).isEqualTo(PolicySettings.defaults());
    }

    @Test
    void keepsTheFixedThresholdsWhenTheSettingsChangedSinceTheCalibration() {
        RiskConfig changed = RiskConfig.of(Map.of("thresholdMode", "calibrated", "unseenDivisor", "50"));
        StoredCalibration beforeStamps = new StoredCalibration(CALIBRATED.calibrationTarget().code(), null, 2e-4, 10,
                0.99, 0.12, 60, 300, 240, Instant.EPOCH, Duration.ofMillis(5), null);

        ThresholdChoice choice = ThresholdChoice.of(changed, () -> Optional.of(stored(CALIBRATED, null)));

        assertThat(choice.source()).isEqualTo("fallback:settings-changed");
        assertThat(choice.config().policy()).isEqualTo(PolicySettings.defaults());
        assertThat(ThresholdChoice.of(CALIBRATED, () -> Optional.of(beforeStamps)).source())
                .as("a result stored before results recorded their settings").isEqualTo("fallback:settings-changed");
    }

    @Test
    void settingsThatTheCalibrationDoesNotReadKeepItFresh() {
        RiskConfig reportOnly = RiskConfig.of(Map.of("thresholdMode", "calibrated", "mode", "report-only",
                "notifyNewDevice", "false"));

        assertThat(ThresholdChoice.of(reportOnly, () -> Optional.of(stored(CALIBRATED, null))).source())
                .isEqualTo("calibrated");
    }

    private static StoredCalibration stored(RiskConfig computedWith, String fallback) {
        return new StoredCalibration(computedWith.calibrationTarget().code(),
                computedWith.calibrationBasis().settingsStamp(), 2e-4, 10, 0.99, 0.12, 60, 300, 240, Instant.EPOCH, Duration.ofMillis(5),
                fallback);
    }
}
