package dev.vigil.privacy.retention;

import java.time.Instant;

import dev.vigil.privacy.settings.PrivacySettings;

/**
 * The instants before which data is past its retention period: a sign-in made, or a device last seen,
 * strictly before its cut-off is deleted; one exactly at the cut-off is kept.
 */
public record RetentionCutoffs(Instant signIns, Instant devices) {

    public static RetentionCutoffs at(Instant now, PrivacySettings settings) {
        return new RetentionCutoffs(now.minus(settings.historyRetention()), now.minus(settings.deviceRetention()));
    }
}
