package dev.vigil.risk.calibration;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.flow.ThresholdChoice;
import dev.vigil.risk.model.calibration.Calibration;
import dev.vigil.risk.model.calibration.CalibrationBasis;
import dev.vigil.risk.model.calibration.CalibrationTarget;

/**
 * What the realm's thresholds tab shows, in words: the realm's latest calibration seen through the risk step's
 * current settings, with the same choice of thresholds the step makes at sign-in ({@link ThresholdChoice}), so the
 * tab can never tell another story than the login events.
 */
final class ThresholdsTabView {

    static final String STATUS = "status";
    static final String MODE = "thresholdMode";
    static final String TARGET = "target";
    static final String MEDIUM = "mediumThreshold";
    static final String HIGH = "highThreshold";
    static final String ATTACKS_CAUGHT = "attacksCaught";
    static final String STEPPED_UP = "legitimateSteppedUp";
    static final String SAMPLE = "sample";
    static final String COMPUTED_AT = "computedAt";
    /** In the order the tab shows them. */
    static final List<String> SHOWN = List.of(STATUS, MODE, TARGET, MEDIUM, HIGH, ATTACKS_CAUGHT, STEPPED_UP, SAMPLE,
            COMPUTED_AT);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The messages of the realm's language. */
    @FunctionalInterface
    interface Texts {
        String text(String key, Object... arguments);
    }

    private ThresholdsTabView() {
    }

    static Map<String, String> of(RiskConfig config, Optional<StoredCalibration> latest, Texts texts) {
        ThresholdChoice choice = ThresholdChoice.of(config, () -> latest);
        String notComputed = texts.text("vigilRiskTabNotComputed");
        Map<String, String> view = new LinkedHashMap<>();
        view.put(STATUS, status(choice.source(), config, latest, texts));
        view.put(MODE, texts.text(config.calibratedThresholds() ? "vigilRiskTabModeCalibrated" : "vigilRiskTabModeFixed"));
        view.put(TARGET, target(config.calibrationTarget(), texts));
        view.put(MEDIUM, threshold(choice.config().policy().mediumThreshold()));
        view.put(HIGH, threshold(choice.config().policy().highThreshold()));
        view.put(ATTACKS_CAUGHT, latest.map(c -> share(c.attacksCaught(), texts)).orElse(notComputed));
        view.put(STEPPED_UP, latest.map(c -> share(c.legitimateSteppedUp(), texts)).orElse(notComputed));
        view.put(SAMPLE, latest.map(c -> texts.text("vigilRiskTabSampleValue", c.sampleUsers(), c.legitimateLogins(),
                c.attacks())).orElse(notComputed));
        view.put(COMPUTED_AT, latest.map(c -> texts.text("vigilRiskTabComputedAtValue", WHEN.format(c.computedAt()),
                c.duration().toMillis())).orElse(notComputed));
        return view;
    }

    /** A realm whose risk step cannot be read (none, or settings out of range): only the status says why. */
    static Map<String, String> unavailable(String statusKey, Texts texts, Object... arguments) {
        Map<String, String> view = new LinkedHashMap<>();
        SHOWN.forEach(name -> view.put(name, ""));
        view.put(STATUS, texts.text(statusKey, arguments));
        return view;
    }

    private static String status(String source, RiskConfig config, Optional<StoredCalibration> latest, Texts texts) {
        if (ThresholdChoice.FIXED.equals(source)) {
            return texts.text("vigilRiskTabStatusFixedMode");
        }
        if (ThresholdChoice.CALIBRATED.equals(source)) {
            return texts.text("vigilRiskTabStatusCalibrated");
        }
        String reason = source.substring(ThresholdChoice.FALLBACK.length());
        return switch (reason) {
            case CalibrationBasis.TARGET_CHANGED, CalibrationBasis.SETTINGS_CHANGED -> texts.text("vigilRiskTabStatusStale");
            case Calibration.TOO_FEW_USERS -> texts.text("vigilRiskTabStatusTooFewUsers",
                    latest.map(StoredCalibration::sampleUsers).orElse(0), config.calibrationSample().minUsers());
            default -> latest.isEmpty() ? texts.text("vigilRiskTabStatusNotComputed")
                    : texts.text("vigilRiskTabStatusFallback", reason);
        };
    }

    private static String target(CalibrationTarget target, Texts texts) {
        if (target instanceof CalibrationTarget.CatchTargetedAttacks catchAttacks) {
            return texts.text("vigilRiskTabTargetCatch", CalibrationTarget.percent(catchAttacks.share()));
        }
        CalibrationTarget.StepUpAtMost stepUp = (CalibrationTarget.StepUpAtMost) target;
        return texts.text("vigilRiskTabTargetStepUp", CalibrationTarget.percent(stepUp.share()));
    }

    private static String threshold(double threshold) {
        return String.format(Locale.ROOT, "%.3g", threshold);
    }

    private static String share(Double share, Texts texts) {
        return share == null ? texts.text("vigilRiskTabNotMeasured") : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
