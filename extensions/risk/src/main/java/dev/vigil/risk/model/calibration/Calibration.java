package dev.vigil.risk.model.calibration;

/**
 * The thresholds a calibration derived, and what they are expected to do on this realm's data.
 *
 * @param mediumThreshold     final score at and above which a login is MEDIUM
 * @param highThreshold       final score at and above which a login is HIGH (the fixed one, raised to MEDIUM's if below)
 * @param attacksCaught       share of the simulated targeted attacks stepped up or denied at these thresholds
 *                            (NaN without any sample)
 * @param legitimateSteppedUp share of the held-out legitimate logins stepped up or denied (NaN without any sample)
 * @param users               users whose history was long enough to be scored
 * @param legitimateLogins    held-out legitimate logins scored
 * @param attacks             simulated attacks scored
 * @param fallback            null when calibrated; otherwise why the fixed thresholds were kept ({@link #TOO_FEW_USERS})
 */
public record Calibration(double mediumThreshold, double highThreshold, double attacksCaught,
                          double legitimateSteppedUp, int users, int legitimateLogins, int attacks, String fallback) {

    /** Fewer users with enough history than {@link CalibrationSettings#minUsers()}. */
    public static final String TOO_FEW_USERS = "too-few-users";

    public boolean calibrated() {
        return fallback == null;
    }
}
