package dev.vigil.risk.calibration.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.risk.model.calibration.CalibrationBasis;

/**
 * A realm's latest calibration as kept: the thresholds the risk step uses in calibrated mode, and what the admin reads.
 *
 * @param target              the target's code ({@link dev.vigil.risk.model.calibration.CalibrationTarget#code()})
 * @param settingsStamp       the stamp of the settings it was computed with ({@link CalibrationBasis}); null for a
 *                            result stored before results recorded it, which serves no settings
 * @param attacksCaught       expected share of targeted attacks stepped up or denied, null without a sample
 * @param legitimateSteppedUp expected share of legitimate logins stepped up or denied, null without a sample
 * @param fallback            null when calibrated; otherwise why the fixed thresholds stay in use
 */
public record StoredCalibration(String target, String settingsStamp, double mediumThreshold, double highThreshold, Double attacksCaught,
                                Double legitimateSteppedUp, int sampleUsers, int legitimateLogins, int attacks,
                                Instant computedAt, Duration duration, String fallback) {

    public boolean calibrated() {
        return fallback == null;
    }

    /** What it was computed for. */
    public CalibrationBasis basis() {
        return new CalibrationBasis(target, settingsStamp);
    }

    /** The admin's view (JSON object). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("calibrated", calibrated());
        json.put("fallback", fallback);
        json.put("mediumThreshold", mediumThreshold);
        json.put("highThreshold", highThreshold);
        json.put("expectedAttacksCaught", attacksCaught);
        json.put("expectedLegitimateSteppedUp", legitimateSteppedUp);
        json.put("sampleUsers", sampleUsers);
        json.put("legitimateLogins", legitimateLogins);
        json.put("simulatedAttacks", attacks);
        json.put("computedAt", computedAt.toString());
        json.put("durationMillis", duration.toMillis());
        return json;
    }
}
