package dev.vigil.risk.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.flow.RiskConfig;
import org.junit.jupiter.api.Test;

class ThresholdsTabViewTest {

    private static final RiskConfig CALIBRATED = RiskConfig.of(Map.of("thresholdMode", "calibrated"));
    private static final Instant COMPUTED = Instant.parse("2026-12-01T21:30:05.123Z");
    private static final ThresholdsTabView.Texts ENGLISH = texts("en");

    @Test
    void showsTheCalibratedThresholdsInUseWithTheirExpectedRatesAndSample() {
        Map<String, String> view = ThresholdsTabView.of(CALIBRATED, Optional.of(stored(CALIBRATED, null)), ENGLISH);

        assertThat(view).containsExactly(
                Map.entry("status", "Calibrated thresholds in use"),
                Map.entry("thresholdMode", "calibrated from this realm's sign-ins"),
                Map.entry("target", "catch at least 99% of simulated targeted attacks"),
                Map.entry("mediumThreshold", "0.000230"),
                Map.entry("highThreshold", "10.0"),
                Map.entry("attacksCaught", "99.2%"),
                Map.entry("legitimateSteppedUp", "12.5%"),
                Map.entry("sample", "60 users, 300 legitimate logins, 240 simulated attacks"),
                Map.entry("computedAt", "2026-12-01 21:30:05 UTC (took 1,250 ms)"));
    }

    @Test
    void aTinyRealmSaysWhyTheFixedThresholdsStay() {
        StoredCalibration tooFew = new StoredCalibration(CALIBRATED.calibrationTarget().code(),
                CALIBRATED.calibrationBasis().settingsStamp(), 5e-6, 10, null, null, 3, 0, 0, COMPUTED,
                Duration.ofMillis(4), "too-few-users");

        Map<String, String> view = ThresholdsTabView.of(CALIBRATED, Optional.of(tooFew), ENGLISH);

        assertThat(view).containsEntry("status", "Too few users with history (3 of the 50 needed): fixed thresholds in use")
                .containsEntry("mediumThreshold", "5.00e-06")
                .containsEntry("attacksCaught", "not measured (no sample)")
                .containsEntry("sample", "3 users, 0 legitimate logins, 0 simulated attacks");
    }

    @Test
    void aResultComputedWithOtherSettingsIsStaleAndTheFixedThresholdsAreShown() {
        RiskConfig changed = RiskConfig.of(Map.of("thresholdMode", "calibrated", "calibrationMinUsers", "40"));

        Map<String, String> view = ThresholdsTabView.of(changed, Optional.of(stored(CALIBRATED, null)), ENGLISH);

        assertThat(view.get("status")).startsWith("Stale: the risk step's settings changed since this was computed");
        assertThat(view).containsEntry("mediumThreshold", "5.00e-06").containsEntry("attacksCaught", "99.2%");
    }

    @Test
    void notComputedYetAndFixedModeAreSaidInWords() {
        assertThat(ThresholdsTabView.of(CALIBRATED, Optional.empty(), ENGLISH))
                .containsEntry("status", "Not computed yet: fixed thresholds in use until it is (Save does it now)")
                .containsEntry("sample", "not computed yet");
        RiskConfig fixed = RiskConfig.of(Map.of("calibrationTarget", "step-up-at-most", "calibrationStepUpPercent", "7.5"));
        assertThat(ThresholdsTabView.of(fixed, Optional.of(stored(fixed, null)), ENGLISH))
                .containsEntry("status", "Fixed thresholds in use: the risk step's Thresholds setting is fixed")
                .containsEntry("thresholdMode", "fixed")
                .containsEntry("target", "step up at most 7.5% of legitimate logins")
                .containsEntry("mediumThreshold", "5.00e-06");
    }

    @Test
    void speaksTheRealmsLanguage() {
        Map<String, String> view = ThresholdsTabView.of(CALIBRATED, Optional.empty(), texts("fr"));

        assertThat(view).containsEntry("target", "arrêter au moins 99% des attaques ciblées simulées")
                .containsEntry("thresholdMode", "calibrés sur les connexions de ce royaume");
        assertThat(ThresholdsTabView.unavailable("vigilRiskTabStatusNoStep", texts("de")))
                .containsEntry("status", "Dieser Realm hat keinen Schritt Vigil-Risikobewertung")
                .containsEntry("mediumThreshold", "")
                .containsOnlyKeys(ThresholdsTabView.SHOWN);
    }

    private static StoredCalibration stored(RiskConfig computedWith, String fallback) {
        return new StoredCalibration(computedWith.calibrationTarget().code(),
                computedWith.calibrationBasis().settingsStamp(), 2.3e-4, 10, 0.992, 0.125, 60, 300, 240, COMPUTED,
                Duration.ofMillis(1250), fallback);
    }

    /** The risk extension's own messages, as the admin theme serves them. */
    private static ThresholdsTabView.Texts texts(String language) {
        Properties messages = new Properties();
        try (var in = ThresholdsTabViewTest.class.getResourceAsStream("/theme-resources/messages/messages_" + language + ".properties")) {
            messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Locale locale = Locale.forLanguageTag(language);
        return (key, arguments) -> new MessageFormat(messages.getProperty(key, key), locale).format(arguments);
    }
}
