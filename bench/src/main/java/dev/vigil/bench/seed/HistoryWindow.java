package dev.vigil.bench.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves a generated history (which starts in January 2026 and spans up to a year and more) to end just before
 * the seeding, squeezed into a window shorter than the retention period: rows older than that would be deleted
 * by the retention task during the measurement, and ignored by the risk step. Logins move by whole days, so
 * each keeps its time of day (the usual-hours signal).
 */
final class HistoryWindow {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final Instant end;
    private final long windowDays;

    HistoryWindow(Instant end, Duration window) {
        this.end = end;
        this.windowDays = window.toDays();
    }

    /** The logins' new times, in order, the last within a day before the end, the first within the window. */
    List<Instant> fit(List<Instant> generated) {
        long last = generated.stream().mapToLong(Instant::toEpochMilli).max().orElseThrow();
        long first = generated.stream().mapToLong(Instant::toEpochMilli).min().orElseThrow();
        long shiftDays = Math.floorDiv(end.toEpochMilli() - last, DAY);
        long spanDays = Math.floorDiv(last - first, DAY);
        double squeeze = spanDays > windowDays ? (double) windowDays / spanDays : 1;
        return generated.stream()
                .map(at -> {
                    long daysBeforeLast = Math.floorDiv(last - at.toEpochMilli(), DAY);
                    long squeezed = (long) Math.floor(daysBeforeLast * squeeze);
                    return at.plusMillis((shiftDays + daysBeforeLast - squeezed) * DAY);
                })
                .sorted()
                .toList();
    }
}
