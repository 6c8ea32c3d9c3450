package dev.vigil.risk.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.CountingPopulation;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.calibration.CalibrationTarget.CatchTargetedAttacks;
import dev.vigil.risk.model.calibration.CalibrationTarget.StepUpAtMost;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final int LOGINS = 20;

    private final ThresholdCalibration calibration = new ThresholdCalibration(new FreemanModel(ModelSettings.defaults()),
            PolicySettings.defaults(), CalibrationSettings.defaults());

    @Test
    void aRealmWithTooFewUsersKeepsTheFixedThresholdsAndSaysSo() {
        Calibration result = calibration.calibrate(realm(49, List.of()), new CatchTargetedAttacks(0.99));

        assertThat(result.calibrated()).isFalse();
        assertThat(result.fallback()).isEqualTo(Calibration.TOO_FEW_USERS);
        assertThat(result.mediumThreshold()).isEqualTo(PolicySettings.defaults().mediumThreshold());
        assertThat(result.highThreshold()).isEqualTo(PolicySettings.defaults().highThreshold());
        assertThat(result.users()).isEqualTo(49);
        assertThat(result.attacks()).isEqualTo(49 * 4);
        assertThat(result.attacksCaught()).as("the fixed thresholds' rates on what there is").isBetween(0.0, 1.0);
    }

    @Test
    void usersWithTwelveLoginsOrFewerAreNotCounted() {
        List<List<SignIn>> histories = new ArrayList<>(realm(60, List.of()).histories());
        histories.replaceAll(history -> history.subList(0, 12));

        Calibration result = calibration.calibrate(new CalibrationInput(population(histories), histories),
                new CatchTargetedAttacks(0.99));

        assertThat(result.calibrated()).isFalse();
        assertThat(result.users()).isZero();
        assertThat(result.attacksCaught()).isNaN();
    }

    @Test
    void catchingTargetedAttacksPicksTheHighestThresholdThatStillCatchesTheShareAsked() {
        CalibrationInput realm = realm(60, List.of());

        Calibration ninetyNine = calibration.calibrate(realm, new CatchTargetedAttacks(0.99));
        Calibration half = calibration.calibrate(realm, new CatchTargetedAttacks(0.5));

        assertThat(ninetyNine.calibrated()).isTrue();
        assertThat(ninetyNine.users()).isEqualTo(60);
        assertThat(ninetyNine.legitimateLogins()).isEqualTo(60 * 5);
        assertThat(ninetyNine.attacks()).isEqualTo(60 * 4);
        assertThat(ninetyNine.attacksCaught()).isGreaterThanOrEqualTo(0.99);
        assertThat(half.attacksCaught()).isGreaterThanOrEqualTo(0.5);
        assertThat(half.mediumThreshold()).isGreaterThan(ninetyNine.mediumThreshold());
        assertThat(half.legitimateSteppedUp()).isLessThanOrEqualTo(ninetyNine.legitimateSteppedUp());
        Calibration justAbove = calibration.calibrate(realm, new CatchTargetedAttacks(1.0));
        assertThat(justAbove.attacksCaught()).isEqualTo(1.0);
        assertThat(justAbove.mediumThreshold()).isLessThanOrEqualTo(ninetyNine.mediumThreshold());
    }

    @Test
    void steppingUpAtMostAShareOfLegitimateLoginsPicksTheLowestThresholdThatKeepsToIt() {
        CalibrationInput realm = realm(60, List.of());

        Calibration tenPercent = calibration.calibrate(realm, new StepUpAtMost(0.10));
        Calibration none = calibration.calibrate(realm, new StepUpAtMost(0));

        assertThat(tenPercent.calibrated()).isTrue();
        assertThat(tenPercent.legitimateSteppedUp()).isLessThanOrEqualTo(0.10);
        assertThat(none.legitimateSteppedUp()).isZero();
        assertThat(none.mediumThreshold()).isGreaterThanOrEqualTo(tenPercent.mediumThreshold());
        assertThat(tenPercent.attacksCaught()).isGreaterThanOrEqualTo(none.attacksCaught());
        assertThat(tenPercent.highThreshold()).isEqualTo(Math.max(10, tenPercent.mediumThreshold()));
    }

    @Test
    void theRememberedDeviceCookieIsReadBackFromTheStoredReasonsAndNeverLentToAttacks() {
        CalibrationTarget noLegitimateStepUp = new StepUpAtMost(0);
        Calibration withoutCookies = calibration.calibrate(realm(60, List.of()), noLegitimateStepUp);
        Calibration withCookies = calibration.calibrate(realm(60, List.of("remembered-device")), noLegitimateStepUp);

        assertThat(withCookies.legitimateSteppedUp()).isZero();
        assertThat(withoutCookies.legitimateSteppedUp()).isZero();
        assertThat(withCookies.mediumThreshold()).as("the cookie spares the user whatever the score")
                .isLessThan(withoutCookies.mediumThreshold() / 100);
        assertThat(withCookies.attacksCaught()).isEqualTo(1.0);
        Calibration catching = calibration.calibrate(realm(60, List.of("remembered-device")),
                new CatchTargetedAttacks(0.99));
        assertThat(catching.mediumThreshold()).as("attacks never carry the cookie")
                .isEqualTo(calibration.calibrate(realm(60, List.of()), new CatchTargetedAttacks(0.99)).mediumThreshold());
    }

    @Test
    void aRuleThatFloorsTheLevelStaysWhateverTheThreshold() {
        Calibration result = calibration.calibrate(realm(60, List.of("tor")), new StepUpAtMost(0));

        assertThat(result.legitimateSteppedUp()).as("every stored login came through Tor").isEqualTo(1.0);
        assertThat(result.mediumThreshold()).as("no threshold meets the target: none higher helps").isPositive();
    }

    @Test
    void deniedSignInsAreSkippedAndTheSampleIsBounded() {
        List<List<SignIn>> histories = new ArrayList<>(realm(60, List.of()).histories());
        List<SignIn> withDenied = new ArrayList<>(histories.get(0));
        SignIn latest = withDenied.get(withDenied.size() - 1);
        withDenied.add(new SignIn(null, latest.at().plusSeconds(60), Map.of(Feature.NETWORK, "elsewhere"), null,
                "x", "HIGH", 100.0, List.of("new-network"), SignIn.Outcome.DENIED));
        histories.set(0, withDenied);
        CalibrationInput input = new CalibrationInput(population(histories), histories);
        ThresholdCalibration bounded = new ThresholdCalibration(new FreemanModel(ModelSettings.defaults()),
                PolicySettings.defaults(), new CalibrationSettings(50, 12, 5, 4, 55, 100));

        Calibration all = calibration.calibrate(input, new CatchTargetedAttacks(0.99));
        Calibration some = bounded.calibrate(input, new CatchTargetedAttacks(0.99));

        assertThat(all.legitimateLogins()).isEqualTo(60 * 5);
        assertThat(some.users()).isEqualTo(55);
        assertThat(some.legitimateLogins()).isEqualTo(55 * 5);
    }

    @Test
    void targetsAreShares() {
        assertThatThrownBy(() -> new CatchTargetedAttacks(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepUpAtMost(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepUpAtMost(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Users in five cities on three browsers and two OSes, each with one laptop on a home network, signing in
     * daily around 8:00; every third login from a phone network never seen before (a new address the model
     * doubts). {@code reasons}: what the policy recorded for each login.
     */
    private static CalibrationInput realm(int users, List<String> reasons) {
        List<List<SignIn>> histories = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            List<SignIn> history = new ArrayList<>();
            for (int k = 0; k < LOGINS; k++) {
                Map<Feature, String> values = new EnumMap<>(Feature.class);
                boolean away = k % 3 == 2;
                values.put(Feature.IP, away ? "ip-mobile-" + u + "-" + k : "ip-home-" + u);
                values.put(Feature.NETWORK, away ? "net-mobile-" + u + "-" + k : "net-home-" + u);
                values.put(Feature.ASN, "AS" + (away ? 100 : u % 4));
                values.put(Feature.COUNTRY, "SE");
                values.put(Feature.CITY, "city-" + u % 5);
                values.put(Feature.BROWSER, "browser-" + u % 3);
                values.put(Feature.USER_AGENT, "ua-" + u % 3 + "-" + u % 2);
                values.put(Feature.OS, "os-" + u % 2);
                values.put(Feature.DEVICE_TYPE, "desktop");
                values.put(Feature.FINGERPRINT, "fp-" + u);
                values.put(Feature.LANGUAGE, "sv-SE");
                values.put(Feature.TIME_ZONE, "Europe/Stockholm");
                Instant at = START.plus(Duration.ofDays(k)).plus(Duration.ofMinutes((u * 7 + k * 13) % 60));
                history.add(new SignIn(null, at, values, null, "laptop", "LOW", 1.0, reasons, SignIn.Outcome.ALLOWED));
            }
            histories.add(history);
        }
        return new CalibrationInput(population(histories), histories);
    }

    private static CountingPopulation population(List<List<SignIn>> histories) {
        Map<String, List<SignIn>> byUser = new HashMap<>();
        for (int u = 0; u < histories.size(); u++) {
            byUser.put("user-" + u, histories.get(u));
        }
        return CountingPopulation.of(byUser);
    }
}
