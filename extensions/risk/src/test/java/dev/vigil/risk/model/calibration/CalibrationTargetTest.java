package dev.vigil.risk.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrationTargetTest {

    @Test
    void saysTheTargetInTheAdminsWordsAndCodesItForItsStoredResult() {
        CalibrationTarget catching = new CalibrationTarget.CatchTargetedAttacks(0.99);
        CalibrationTarget bounded = new CalibrationTarget.StepUpAtMost(0.125);

        assertThat(catching.inWords()).isEqualTo("catch at least 99% of simulated targeted attacks");
        assertThat(bounded.inWords()).isEqualTo("step up at most 12.5% of legitimate logins");
        assertThat(catching.code()).isEqualTo("catch-attacks:0.99");
        assertThat(bounded.code()).isEqualTo("step-up-at-most:0.125");
        assertThat(new CalibrationTarget.StepUpAtMost(0.1).code()).isNotEqualTo(new CalibrationTarget.CatchTargetedAttacks(0.1).code());
    }
}
