package dev.vigil.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClusterIntervalTest {

    private final ClusterInterval hourly = new ClusterInterval("task", Duration.ofHours(1));

    @Test
    void twoNodesFiringAtDifferentTimesOfOneIntervalNameTheSameInterval() {
        assertThat(hourly.claimKey(Instant.parse("2026-12-01T14:00:00Z")))
                .isEqualTo(hourly.claimKey(Instant.parse("2026-12-01T14:59:59.999Z")));
    }

    @Test
    void theNextIntervalIsAnotherClaim() {
        assertThat(hourly.claimKey(Instant.parse("2026-12-01T14:59:59.999Z")))
                .isNotEqualTo(hourly.claimKey(Instant.parse("2026-12-01T15:00:00Z")));
    }

    @Test
    void anotherIntervalLengthNeverMeetsTheClaimsOfThisOne() {
        Instant at = Instant.parse("2026-12-01T14:00:00Z");

        assertThat(new ClusterInterval("task", Duration.ofMinutes(1)).claimKey(at)).isNotEqualTo(hourly.claimKey(at));
    }

    @Test
    void anotherTaskNeverMeetsTheClaimsOfThisOne() {
        Instant at = Instant.parse("2026-12-01T14:00:00Z");

        assertThat(new ClusterInterval("other", Duration.ofHours(1)).claimKey(at)).isNotEqualTo(hourly.claimKey(at));
    }

    @Test
    void aClaimOutlastsItsInterval() {
        assertThat(hourly.claimLifespanSeconds()).isGreaterThan(Duration.ofHours(1).toSeconds());
    }

    @Test
    void refusesAnIntervalUnderASecond() {
        assertThatThrownBy(() -> new ClusterInterval("task", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
