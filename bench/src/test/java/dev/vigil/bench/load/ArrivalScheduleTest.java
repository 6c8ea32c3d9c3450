package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void arrivalsAreEvenlySpacedFromTheStartAndInsideThePhase() {
        ArrivalSchedule schedule = new ArrivalSchedule(1_000, 4, Duration.ofSeconds(2));

        assertThat(schedule.arrivals()).isEqualTo(8);
        assertThat(LongStream.range(0, schedule.arrivals()).map(schedule::at).toArray())
                .containsExactly(1_000, 250_001_000, 500_001_000, 750_001_000, 1_000_001_000, 1_250_001_000,
                        1_500_001_000, 1_750_001_000);
    }

    @Test
    void aRateThatDoesNotDivideThePhaseKeepsItsLastArrivalInside() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 45.6, Duration.ofSeconds(10));

        assertThat(schedule.arrivals()).isEqualTo(456);
        assertThat(new ArrivalSchedule(0, 0.3, Duration.ofSeconds(10)).arrivals()).isEqualTo(3);
        assertThat(schedule.at(schedule.arrivals() - 1)).isLessThan(Duration.ofSeconds(10).toNanos());
        // The schedule is fixed in advance: the i-th is at i / rate, never drifting with the timer.
        assertThat(schedule.at(455)).isEqualTo(Math.round(455 / 45.6 * 1e9));
    }

    @Test
    void refusesARateOrLengthThatSchedulesNothing() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, 0, Duration.ofSeconds(1))).hasMessageContaining("positive rate");
        assertThatThrownBy(() -> new ArrivalSchedule(0, Double.NaN, Duration.ofSeconds(1))).hasMessageContaining("positive rate");
        assertThatThrownBy(() -> new ArrivalSchedule(0, 10, Duration.ZERO)).hasMessageContaining("positive rate");
    }
}
