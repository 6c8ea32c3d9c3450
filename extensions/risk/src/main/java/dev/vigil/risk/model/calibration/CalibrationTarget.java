package dev.vigil.risk.model.calibration;

/**
 * The trade-off the admin chooses, in its own terms; {@link ThresholdCalibration} turns it into a MEDIUM threshold
 * for this realm's data.
 */
public sealed interface CalibrationTarget {

    /** Step up or deny at least this share (0 to 1) of the simulated targeted attacks, stepping up as few users as that allows. */
    record CatchTargetedAttacks(double share) implements CalibrationTarget {
        public CatchTargetedAttacks {
            requireShare(share);
        }
    }

    /** Step up at most this share (0 to 1) of legitimate logins, catching as many simulated attacks as that allows. */
    record StepUpAtMost(double share) implements CalibrationTarget {
        public StepUpAtMost {
            requireShare(share);
        }
    }

    private static void requireShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share from 0 to 1, not " + share);
        }
    }
}
