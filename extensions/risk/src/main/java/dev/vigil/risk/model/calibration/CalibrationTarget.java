package dev.vigil.risk.model.calibration;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The trade-off the admin chooses, in its own terms; {@link ThresholdCalibration} turns it into a MEDIUM threshold
 * for this realm's data.
 */
public sealed interface CalibrationTarget {

    /** The target as stored with its result, e.g. {@code catch-attacks:0.99}: a result serves only its own target. */
    String code();

    /** The target in the admin's words, e.g. "catch at least 99% of simulated targeted attacks". */
    String inWords();

    /** Step up or deny at least this share (0 to 1) of the simulated targeted attacks, stepping up as few users as that allows. */
    record CatchTargetedAttacks(double share) implements CalibrationTarget {
        public CatchTargetedAttacks {
            requireShare(share);
        }

        @Override
        public String code() {
            return "catch-attacks:" + share;
        }

        @Override
        public String inWords() {
            return "catch at least " + percent(share) + " of simulated targeted attacks";
        }
    }

    /** Step up at most this share (0 to 1) of legitimate logins, catching as many simulated attacks as that allows. */
    record StepUpAtMost(double share) implements CalibrationTarget {
        public StepUpAtMost {
            requireShare(share);
        }

        @Override
        public String code() {
            return "step-up-at-most:" + share;
        }

        @Override
        public String inWords() {
            return "step up at most " + percent(share) + " of legitimate logins";
        }
    }

    /** A share (0 to 1) as the admin reads it, e.g. 99% or 99.5%. */
    static String percent(double share) {
        return new BigDecimal(share * 100).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static void requireShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share from 0 to 1, not " + share);
        }
    }
}
