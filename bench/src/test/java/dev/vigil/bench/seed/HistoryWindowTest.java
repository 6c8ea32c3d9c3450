package dev.vigil.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    private static final Instant END = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void movesAShortHistoryByWholeDaysToEndWithinADayBeforeTheEnd() {
        List<Instant> generated = List.of(Instant.parse("2026-01-03T07:15:00Z"), Instant.parse("2026-01-20T21:40:00Z"));

        List<Instant> fitted = new HistoryWindow(END, Duration.ofDays(150)).fit(generated);

        assertThat(fitted.get(1)).isBetween(END.minus(Duration.ofDays(1)), END);
        assertThat(Duration.between(fitted.get(0), fitted.get(1))).isEqualTo(Duration.between(generated.get(0), generated.get(1)));
        assertThat(timeOfDay(fitted.get(0))).isEqualTo(LocalTime.of(7, 15));
        assertThat(timeOfDay(fitted.get(1))).isEqualTo(LocalTime.of(21, 40));
    }

    @Test
    void squeezesALongHistoryIntoTheWindowKeepingOrderAndTimesOfDay() {
        List<Instant> generated = List.of(Instant.parse("2026-01-01T08:00:00Z"), Instant.parse("2026-06-01T12:30:00Z"),
                Instant.parse("2027-03-01T19:05:00Z"));

        List<Instant> fitted = new HistoryWindow(END, Duration.ofDays(150)).fit(generated);

        assertThat(fitted).isSorted();
        assertThat(fitted.get(0)).isAfterOrEqualTo(END.minus(Duration.ofDays(152)));
        assertThat(fitted.get(2)).isBetween(END.minus(Duration.ofDays(1)), END);
        assertThat(fitted).extracting(HistoryWindowTest::timeOfDay)
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(12, 30), LocalTime.of(19, 5));
    }

    private static LocalTime timeOfDay(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalTime();
    }
}
