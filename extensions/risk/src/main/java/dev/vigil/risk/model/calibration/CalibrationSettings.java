package dev.vigil.risk.model.calibration;

/**
 * The bounds and sample sizes of a calibration.
 *
 * @param minUsers       fewer users with enough history than this, and the calibration keeps the fixed thresholds
 * @param minLogins      the successful logins a user needs before their next one is scored as a legitimate login
 * @param heldOutLogins  each user's latest logins scored against the ones before them (at most)
 * @param attacksPerUser simulated targeted attacks on each user, spread over the day
 * @param maxUsers       users taken from the input at most (the rest is ignored: the cost stays bounded)
 * @param historyCap     earlier logins a scored login is compared with, as the server caps a user's history
 */
public record CalibrationSettings(int minUsers, int minLogins, int heldOutLogins, int attacksPerUser, int maxUsers,
                                  int historyCap) {

    public CalibrationSettings {
        if (minUsers < 1 || minLogins < 1 || heldOutLogins < 1 || attacksPerUser < 1 || maxUsers < minUsers
                || historyCap < minLogins) {
            throw new IllegalArgumentException("calibration settings out of range: " + this);
        }
    }

    /** 50 users with 12 logins or more, their latest 5 logins and 4 attacks each, at most 2,000 users of 100 logins. */
    public static CalibrationSettings defaults() {
        return new CalibrationSettings(50, 12, 5, 4, 2_000, 100);
    }
}
