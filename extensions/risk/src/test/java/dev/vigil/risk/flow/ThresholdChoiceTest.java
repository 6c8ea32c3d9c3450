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
        ThresholdChoice choice = ThresholdChoice.of(CALIBRATED, () -> Optional.of(stored("catch-attacks:0.99", null)));

        assertThat(choice.source()).isEqualTo("calibrated");
        assertThat(choice.config().policy().mediumThreshold()).isEqualTo(2e-4);
        assertThat(choice.config().policy().highThreshold()).isEqualTo(10);
        assertThat(choice.config().policy().minPriorLogins()).as("the other rules unchanged")
                .isEqualTo(PolicySettings.defaults().minPriorLogins());
    }

    @Test
    void keepsTheFixedThresholdsAndSaysWhyOtherwise() {
        assertThat(ThresholdChoice.of(CALIBRATED, Optional::empty).source()).isEqualTo("fallback:not-computed");
        assertThat(ThresholdChoice.of(CALIBRATED, () -> Optional.of(stored("step-up-at-most:0.1", null))).source())
                .isEqualTo("fallback:target-changed");
        ThresholdChoice tooFew = ThresholdChoice.of(CALIBRATED, () -> Optional.of(stored("catch-attacks:0.99", "too-few-users")));
        assertThat(tooFew.source()).isEqualTo("fallback:too-few-users");
        assertThat(tooFew.config().policy()).isEqualTo(PolicySettings.defaults());
    }

    private static StoredCalibration stored(String target, String fallback) {
        return new StoredCalibration(target, 2e-4, 10, 0.99, 0.12, 60, 300, 240, Instant.EPOCH, Duration.ofMillis(5),
                fallback);
    }
}
