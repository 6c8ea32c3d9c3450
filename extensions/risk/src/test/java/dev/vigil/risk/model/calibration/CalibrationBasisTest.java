package dev.vigil.risk.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskLevel;
import org.junit.jupiter.api.Test;

class CalibrationBasisTest {

    private static final CalibrationTarget CATCH_99 = new CalibrationTarget.CatchTargetedAttacks(0.99);
    private static final CalibrationBasis DEFAULTS = basis(ModelSettings.defaults(), PolicySettings.defaults(),
            CalibrationSettings.defaults(), CATCH_99);

    @Test
    void theSameSettingsGiveTheSameStampAndAreFresh() {
        CalibrationBasis again = basis(ModelSettings.defaults(), PolicySettings.defaults(), CalibrationSettings.defaults(),
                new CalibrationTarget.CatchTargetedAttacks(0.99));

        assertThat(again).isEqualTo(DEFAULTS);
        assertThat(DEFAULTS.settingsStamp()).hasSize(64).matches("[0-9a-f]+");
        assertThat(DEFAULTS.stalenessOf(again)).isNull();
    }

    @Test
    void anotherTargetIsSaidBeforeAnyOtherChange() {
        CalibrationBasis stepUp = basis(ModelSettings.defaults(), PolicySettings.defaults(), CalibrationSettings.defaults(),
                new CalibrationTarget.StepUpAtMost(0.99));

        assertThat(DEFAULTS.stalenessOf(stepUp)).isEqualTo(CalibrationBasis.TARGET_CHANGED);
    }

    @Test
    void anyChangeOfTheModelTheRulesOrTheSampleMakesItStale() {
        CalibrationBasis model = basis(ModelSettings.defaults().withUnseenDivisor(50), PolicySettings.defaults(),
                CalibrationSettings.defaults(), CATCH_99);
        CalibrationBasis weight = basis(ModelSettings.defaults().withSignalWeight(ModelSettings.NETWORK, 0.5),
                PolicySettings.defaults(), CalibrationSettings.defaults(), CATCH_99);
        PolicySettings d = PolicySettings.defaults();
        CalibrationBasis rule = basis(ModelSettings.defaults(), new PolicySettings(d.mediumThreshold(), d.highThreshold(),
                d.minPriorLogins(), RiskLevel.HIGH, d.vpnLevel(), d.publicProxyLevel(), d.hostingLevel(),
                d.impossibleTravelLevel(), d.trustedNetworkSteps(), d.rememberedDeviceSteps(), d.recognizedDeviceSteps(),
                d.hourOfDayWeight(), d.failedLoginsUserLimit(), d.failedLoginsIpLimit(), d.failedLoginsLevel()),
                CalibrationSettings.defaults(), CATCH_99);
        CalibrationBasis high = basis(ModelSettings.defaults(), d.withThresholds(d.mediumThreshold(), 20),
                CalibrationSettings.defaults(), CATCH_99);
        CalibrationBasis sample = basis(ModelSettings.defaults(), d, new CalibrationSettings(40, 12, 5, 4, 2_000, 100),
                CATCH_99);

        for (CalibrationBasis changed : new CalibrationBasis[] {model, weight, rule, high, sample}) {
            assertThat(DEFAULTS.stalenessOf(changed)).as("%s", changed).isEqualTo(CalibrationBasis.SETTINGS_CHANGED);
        }
    }

    @Test
    void aResultWithoutAStampServesNoSettings() {
        assertThat(DEFAULTS.stalenessOf(new CalibrationBasis(CATCH_99.code(), null)))
                .isEqualTo(CalibrationBasis.SETTINGS_CHANGED);
    }

    private static CalibrationBasis basis(ModelSettings model, PolicySettings policy, CalibrationSettings sample,
                                          CalibrationTarget target) {
        return CalibrationBasis.of(model, policy, sample, target);
    }
}
