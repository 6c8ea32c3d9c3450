package dev.vigil.risk.flow;

import java.util.Optional;
import java.util.function.Supplier;

import dev.vigil.risk.calibration.store.StoredCalibration;

/**
 * The thresholds a login is judged with: the fixed ones, or in calibrated mode the realm's latest calibration when
 * it was computed for the step's current settings (target and every setting it reads) and had enough data;
 * otherwise the fixed ones, saying why. The admin console's thresholds tab shows the same choice.
 *
 * @param config the step's settings with the thresholds to use
 * @param source {@code fixed}, {@code calibrated}, or {@code fallback:REASON} (not-computed, target-changed,
 *               settings-changed, or the calibration's own reason, e.g. too-few-users)
 */
public record ThresholdChoice(RiskConfig config, String source) {

    public static final String FIXED = "fixed";
    public static final String CALIBRATED = "calibrated";
    public static final String FALLBACK = "fallback:";
    static final String NOT_COMPUTED = "not-computed";

    /** @param latest the realm's latest calibration, read only in calibrated mode */
    public static ThresholdChoice of(RiskConfig config, Supplier<Optional<StoredCalibration>> latest) {
        if (!config.calibratedThresholds()) {
            return new ThresholdChoice(config, FIXED);
        }
        Optional<StoredCalibration> stored = latest.get();
        if (stored.isEmpty()) {
            return fallback(config, NOT_COMPUTED);
        }
        StoredCalibration calibration = stored.get();
        String stale = config.calibrationBasis().stalenessOf(calibration.basis());
        if (stale != null) {
            return fallback(config, stale);
        }
        if (!calibration.calibrated()) {
            return fallback(config, calibration.fallback());
        }
        return new ThresholdChoice(config.withThresholds(calibration.mediumThreshold(), calibration.highThreshold()),
                CALIBRATED);
    }

    private static ThresholdChoice fallback(RiskConfig config, String reason) {
        return new ThresholdChoice(config, FALLBACK + reason);
    }
}
