package dev.vigil.api.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * The intervals of a task that runs once per cluster, counted from the epoch, so that every node's timer names the
 * same interval whenever in it it fires: the first node to claim an interval in Keycloak's cluster-wide single-use
 * store runs the task, the others skip it.
 *
 * @param task   the task's name, part of the claim's key
 * @param length the interval
 */
public record ClusterInterval(String task, Duration length) {

    public ClusterInterval {
        if (length.toSeconds() < 1) {
            throw new IllegalArgumentException(task + " interval under a second: " + length);
        }
    }

    /** The key that names the interval {@code instant} falls in, the same on every node. */
    public String claimKey(Instant instant) {
        return task + ":" + length.toSeconds() + ":" + instant.toEpochMilli() / length.toMillis();
    }

    /** How long a claim is kept: past the end of its interval, whenever in it the claim was made. */
    public long claimLifespanSeconds() {
        return 2 * length.toSeconds();
    }
}
