package dev.vigil.api.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Counts events per key over a sliding window, cluster-wide, on Keycloak's single-use object store.
 *
 * <p>To take one unit of {@code limit} within {@code window}, the limiter tries {@code putIfAbsent} on the
 * slots {@code key#1 .. key#limit} and takes the first that is absent; each slot expires {@code window}
 * after it was taken. So the live slots are exactly the events of the last window, and a unit is granted
 * only by a successful {@code putIfAbsent}, which the store performs atomically on every node (Infinispan's
 * primary owner decides). Two racing callers can never take the same slot, so at most {@code limit} units
 * are ever granted within a window, however many callers race on however many nodes. (The store's
 * {@code replace} is not a compare-and-set, which is why no counter is kept.)
 *
 * <p>Cost: one store call per live slot, so it suits small limits (attempts, sends per hour).
 */
public final class SlidingWindowLimiter {

    private static final String SEPARATOR = "#";

    private final SingleUseObjectProvider store;

    public SlidingWindowLimiter(SingleUseObjectProvider store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Takes one unit of {@code limit} within {@code window}; false when all are taken. */
    public boolean tryAcquire(String key, int limit, Duration window) {
        return acquire(key, limit, window).isPresent();
    }

    /**
     * Takes one unit and returns it as a slot that can be {@linkplain #release(Slot) given back}, e.g. a
     * failure slot reserved before checking a code and returned when the code was right.
     */
    public Optional<Slot> acquire(String key, int limit, Duration window) {
        requireValid(key, limit);
        long lifespan = Math.max(1, window.toSeconds());
        for (int i = 1; i <= limit; i++) {
            String slot = key + SEPARATOR + i;
            if (store.putIfAbsent(slot, lifespan)) {
                return Optional.of(new Slot(slot));
            }
        }
        return Optional.empty();
    }

    /**
     * Takes one unit of every window, in order, or none: when a window is full, the units already taken for the
     * earlier ones are given back, so a refused request never uses up anyone's budget. Put the windows of the
     * requester's own share (user, session) before shared ones (the realm), so a requester over their share never
     * takes a shared unit even for a moment.
     *
     * @return the first full window, or empty when every unit was taken
     */
    public Optional<Window> acquireAll(List<Window> windows) {
        List<Slot> taken = new ArrayList<>(windows.size());
        for (Window window : windows) {
            Optional<Slot> slot = acquire(window.key(), window.limit(), window.length());
            if (slot.isEmpty()) {
                taken.forEach(this::release);
                return Optional.of(window);
            }
            taken.add(slot.get());
        }
        return Optional.empty();
    }

    /** Gives a slot back before its window ends. */
    public void release(Slot slot) {
        store.remove(slot.key());
    }

    /** How many units of {@code key} are taken in the current window, counting at most {@code cap}. */
    public int used(String key, int cap) {
        requireValid(key, Math.max(cap, 1));
        int used = 0;
        for (int i = 1; i <= cap; i++) {
            if (store.contains(key + SEPARATOR + i)) {
                used++;
            }
        }
        return used;
    }

    private static void requireValid(String key, int limit) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a limiter key is required");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** {@code limit} units per {@code length} under {@code key}. */
    public record Window(String key, int limit, Duration length) {
    }

    /** One taken unit. */
    public record Slot(String key) {
    }
}
