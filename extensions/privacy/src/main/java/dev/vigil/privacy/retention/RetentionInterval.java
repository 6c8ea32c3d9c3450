package dev.vigil.privacy.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * The retention runs' interval, counted from the epoch, so that every node's timer names the same interval
 * whenever in it it fires: the first node to claim an interval runs retention, the others skip it.
 */
public record RetentionInterval(Duration length) {

    public RetentionInterval {
        if (length.toSeconds() < 1) {
            throw new IllegalArgumentException("retention interval under a second: " + length);
        }
    }

    /** The key that names the interval {@code instant} falls in, the same on every node. */
    public String claimKey(Instant instant) {
        return RetentionTask.NAME + ":" + length.toSeconds() + ":" + instant.toEpochMilli() / length.toMillis();
    }

    /** How long a claim is kept: past the end of its interval, whenever in it the claim was made. */
    public long claimLifespanSeconds() {
        return 2 * length.toSeconds();
    }
}
