package dev.vigil.bench.synthetic;

import java.time.Duration;
import java.time.Instant;

import dev.vigil.bench.synthetic.Devices.Profile;

/**
 * One browser on one machine (one browser profile, so one cookie jar): its number among its owner's devices, its
 * profile, screen, how long it takes to pick up a browser update, and how often its owner uses it.
 */
record Device(int id, Profile profile, String screen, int updateLagDays, double weight, boolean portable) {

    int versionAt(Instant at) {
        return profile.browser.versionAt(at.minus(Duration.ofDays(updateLagDays)));
    }
}
