package dev.vigil.risk.flow;

import java.util.Optional;
import java.util.function.Supplier;

import dev.vigil.risk.calibration.store.StoredCalibration;

/**
 * The thresholds a login is judged with: the fixed ones, or in calibrated mode the realm's latest calibration when
 * it was computed for the configured target and had enough data; otherwise the fixed ones, saying why.
 *
 * @param config the step's settings with the thresholds to use
 * @param source {@code fixed}, {@code calibrated}, or {@code fallback:REASON} (not-computed, target-changed, or the
 *               calibration's own reason, e.g. too-few-users)
 */
record ThresholdChoice(RiskConfig config, String source) {

    static final String FIXED = "fixed";
    static final String CALIBRATED = "calibrated";
    static final String NOT_COMPUTED = "not-computed";
    static final String TARGET_CHANGED = "target-changed";

    /** @param latest the realm's latest calibration, read only in calibrated mode */
    static ThresholdChoice of(RiskConfig config, Supplier<Optional<StoredCalibration>> latest) {
        if (!config.calibratedThresholds()) {
            return new ThresholdChoice(config, FIXED);
        }
        Optional<StoredCalibration> stored = latest.get();
        if (stored.isEmpty()) {
            return fallback(config, NOT_COMPUTED);
        }
        StoredCalibration calibration = stored.get();
        if (!calibration.target().equals(config.calibrationTarget().code())) {
            return fallback(config, TARGET_CHANGED);
        }
        if (!calibration.calibrated()) {
            return fallback(config, calibration.fallback());
        }
        return new ThresholdChoice(config.withThresholds(calibration.mediumThreshold(), calibration.highThreshold()),
                CALIBRATED);
    }

    private static ThresholdChoice fallback(RiskConfig config, String reason) {
        return new ThresholdChoice(config, "fallback:" + reason);
    }
}
