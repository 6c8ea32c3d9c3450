package dev.vigil.bench.load;

import java.time.Duration;

/**
 * An open loop's arrivals, fixed in advance and independent of how fast the server answers: the i-th at
 * {@code start + i / perSecond}, for every i whose time falls inside the phase.
 */
record ArrivalSchedule(long startNanos, double perSecond, Duration length) {

    ArrivalSchedule {
        if (!(perSecond > 0) || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an open loop needs a positive rate and length, not " + perSecond
                    + "/s for " + length);
        }
    }

    /** How many arrivals the phase holds. */
    long arrivals() {
        return (long) Math.ceil(length.toNanos() / 1e9 * perSecond);
    }

    /** When the {@code index}-th arrival (from 0) is due, on {@link System#nanoTime()}'s scale. */
    long at(long index) {
        return startNanos + Math.round(index * 1e9 / perSecond);
    }
}
