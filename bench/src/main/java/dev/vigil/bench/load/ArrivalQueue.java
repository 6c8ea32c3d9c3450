package dev.vigil.bench.load;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;

/**
 * Which user serves each arrival of an open loop, each user's browser doing one login at a time: the user free the
 * longest. An arrival that finds none free is counted late and waits (never dropped); it starts when a user is free,
 * its latency still counted from its scheduled time, so that queueing shows in the percentiles instead of being
 * hidden by the generator waiting (coordinated omission).
 */
final class ArrivalQueue<U> {

    private final Deque<U> free;
    private final Deque<Long> waiting = new ArrayDeque<>();
    private final int users;
    private int late;

    /** A login to start now: its user, and when it was due (where its latency is counted from). */
    record Start<U>(U user, long scheduledNanos) {
    }

    ArrivalQueue(Collection<U> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("an open loop needs users");
        }
        this.free = new ArrayDeque<>(users);
        this.users = users.size();
    }

    /** An arrival due at {@code scheduledNanos}: starts now with a free user, or waits, counted late. */
    synchronized Optional<Start<U>> arrive(long scheduledNanos) {
        if (free.isEmpty()) {
            late++;
            waiting.addLast(scheduledNanos);
            return Optional.empty();
        }
        return Optional.of(new Start<>(free.pollFirst(), scheduledNanos));
    }

    /** {@code user}'s login has ended: the oldest waiting arrival starts with it, or it is free again. */
    synchronized Optional<Start<U>> finished(U user) {
        Long oldest = waiting.pollFirst();
        if (oldest != null) {
            return Optional.of(new Start<>(user, oldest));
        }
        free.addLast(user);
        return Optional.empty();
    }

    /** Arrivals so far that found no free user. */
    synchronized int late() {
        return late;
    }

    /** No login under way and none waiting. */
    synchronized boolean idle() {
        return waiting.isEmpty() && free.size() == users;
    }
}
