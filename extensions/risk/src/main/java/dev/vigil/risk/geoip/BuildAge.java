package dev.vigil.risk.geoip;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * MaxMind publishes new databases weekly (GeoLite2 twice a week), so a database built over 30 days ago means the
 * updates stopped reaching this server: places and networks drift away from the truth, and the risk model with them.
 */
final class BuildAge {

    static final Duration MAX_AGE = Duration.ofDays(30);

    private BuildAge() {
    }

    /** A warning for admins when the build is older than {@link #MAX_AGE} at {@code now}. */
    static Optional<String> warning(Instant buildTime, Instant now) {
        Duration age = Duration.between(buildTime, now);
        if (age.compareTo(MAX_AGE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("built " + LocalDate.ofInstant(buildTime, ZoneOffset.UTC) + ", " + age.toDays()
                + " days ago: older than " + MAX_AGE.toDays() + " days, are its updates (geoipupdate) running?");
    }
}
