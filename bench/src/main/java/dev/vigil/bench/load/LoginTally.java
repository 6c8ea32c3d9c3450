package dev.vigil.bench.load;

import java.util.List;

/**
 * What the successful logins of a phase took (from their start, or in an open loop from their scheduled start) and
 * showed, the failed ones, and the open loop's arrivals that had to wait for a free user.
 */
record LoginTally(long[] latencyNanos, int steppedUp, int termsShown, int deviceChecked, int late, List<String> failures) {
}
