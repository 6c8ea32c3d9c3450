package dev.vigil.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.vigil.privacy.settings.PrivacySettingsFixtures;
import org.junit.jupiter.api.Test;

class RetentionCutoffsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void defaultPeriodsCutHistoryAndDevicesAt180DaysToTheSecond() {
        RetentionCutoffs cutoffs = RetentionCutoffs.at(NOW, PrivacySettingsFixtures.defaults());

        assertThat(cutoffs.signIns()).isEqualTo(Instant.parse("2026-05-26T10:00:00Z"));
        assertThat(cutoffs.devices()).isEqualTo(Instant.parse("2026-05-26T10:00:00Z"));
    }

    @Test
    void followsTheRealmsOwnPeriods() {
        RetentionCutoffs cutoffs = RetentionCutoffs.at(NOW, PrivacySettingsFixtures.with("historyRetentionDays", "30"));

        assertThat(cutoffs.signIns()).isEqualTo(Instant.parse("2026-10-23T10:00:00Z"));
        assertThat(cutoffs.devices()).isEqualTo(Instant.parse("2026-05-26T10:00:00Z"));
    }

    @Test
    void aZeroPeriodKeepsNothingOlderThanNow() {
        RetentionCutoffs cutoffs = RetentionCutoffs.at(NOW, PrivacySettingsFixtures.with("deviceRetentionDays", "0"));

        assertThat(cutoffs.devices()).isEqualTo(NOW);
    }
}
