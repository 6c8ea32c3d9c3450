package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.junit.jupiter.api.Test;

class ArrivalQueueTest {

    @Test
    void anArrivalTakesTheUserFreeTheLongest() {
        ArrivalQueue<String> queue = new ArrivalQueue<>(List.of("ann", "bob"));

        assertThat(queue.arrive(10)).contains(new ArrivalQueue.Start<>("ann", 10));
        assertThat(queue.finished("ann")).isEmpty();
        assertThat(queue.arrive(20)).contains(new ArrivalQueue.Start<>("bob", 20));
        assertThat(queue.arrive(30)).contains(new ArrivalQueue.Start<>("ann", 30));
        assertThat(queue.late()).isZero();
    }

    @Test
    void anArrivalWithNoFreeUserIsCountedLateAndStartsWhenOneIsFreeKeepingItsScheduledTime() {
        ArrivalQueue<String> queue = new ArrivalQueue<>(List.of("ann"));

        assertThat(queue.arrive(10)).isPresent();
        assertThat(queue.arrive(20)).isEmpty();
        assertThat(queue.arrive(30)).isEmpty();
        assertThat(queue.late()).isEqualTo(2);
        assertThat(queue.idle()).isFalse();

        assertThat(queue.finished("ann")).contains(new ArrivalQueue.Start<>("ann", 20));
        assertThat(queue.finished("ann")).contains(new ArrivalQueue.Start<>("ann", 30));
        assertThat(queue.idle()).isFalse();
        assertThat(queue.finished("ann")).isEmpty();
        assertThat(queue.idle()).isTrue();
        assertThat(queue.late()).isEqualTo(2);
    }

    /**
     * One user, an arrival every 10 ms, each login 25 ms: the queue grows, and latencies counted from the scheduled
     * start show it (25, 40, 55, ... ms), where counting from the actual start would say 25 ms every time.
     */
    @Test
    void latencyFromTheScheduledStartShowsTheQueueingThatTheActualStartHides() {
        List<Long> fromScheduled = new ArrayList<>();
        List<Long> fromActual = new ArrayList<>();
        simulate(new ArrivalQueue<>(List.of("ann")), 10, 10, 25, fromScheduled, fromActual);

        assertThat(fromActual).containsOnly(25L);
        assertThat(fromScheduled).containsExactly(25L, 40L, 55L, 70L, 85L, 100L, 115L, 130L, 145L, 160L);
        PhaseResult phase = new PhaseResult(BenchRealms.VIGIL, new LoginTally(fromScheduled.stream()
                .mapToLong(millis -> millis * 1_000_000).toArray(), 0, 0, 0, 9, List.of()),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Optional.empty(), Duration.ZERO);
        assertThat(PhaseResult.percentile(List.of(phase), 99)).isEqualTo(160.0);
    }

    @Test
    void enoughUsersServeEveryArrivalOnTime() {
        List<Long> fromScheduled = new ArrayList<>();
        ArrivalQueue<String> queue = new ArrivalQueue<>(List.of("ann", "bob", "cid"));
        simulate(queue, 10, 10, 25, fromScheduled, new ArrayList<>());

        assertThat(queue.late()).isZero();
        assertThat(fromScheduled).containsOnly(25L);
    }

    /** Arrivals every {@code every} ms, each login taking {@code service} ms, in simulated time. */
    private static void simulate(ArrivalQueue<String> queue, int arrivals, long every, long service,
            List<Long> fromScheduled, List<Long> fromActual) {
        record Running(long endsAt, ArrivalQueue.Start<String> start, long startedAt) {
        }
        PriorityQueue<Running> running = new PriorityQueue<>((a, b) -> Long.compare(a.endsAt, b.endsAt));
        for (int i = 0; i < arrivals || !running.isEmpty(); ) {
            long nextArrival = i < arrivals ? i * every : Long.MAX_VALUE;
            if (!running.isEmpty() && running.peek().endsAt <= nextArrival) {
                Running ended = running.poll();
                fromScheduled.add(ended.endsAt - ended.start.scheduledNanos());
                fromActual.add(ended.endsAt - ended.startedAt);
                queue.finished(ended.start.user())
                        .ifPresent(start -> running.add(new Running(ended.endsAt + service, start, ended.endsAt)));
            } else {
                queue.arrive(nextArrival).ifPresent(start -> running.add(new Running(nextArrival + service, start, nextArrival)));
                i++;
            }
        }
    }
}
