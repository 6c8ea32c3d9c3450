package dev.vigil.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's single-use object store as Infinispan gives it, for unit tests: atomic putIfAbsent and
 * remove, entries that expire by the given clock. Shared with other modules through vigil-api's test jar.
 */
public final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, Instant expiry) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySingleUseObjects(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        Instant now = clock.instant();
        boolean[] taken = {false};
        entries.compute(key, (k, existing) -> {
            if (existing != null && existing.expiry().isAfter(now)) {
                return existing;
            }
            taken[0] = true;
            return new Entry(Map.of(), now.plusSeconds(lifespanSeconds));
        });
        return taken[0];
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(Map.copyOf(notes), clock.instant().plusSeconds(lifespanSeconds)));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = live(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry removed = entries.remove(key);
        return removed == null || !removed.expiry().isAfter(clock.instant()) ? null : removed.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        return entries.computeIfPresent(key, (k, existing) -> new Entry(Map.copyOf(notes), existing.expiry())) != null;
    }

    @Override
    public boolean contains(String key) {
        return live(key) != null;
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.expiry().isAfter(clock.instant()) ? entry : null;
    }

    @Override
    public void close() {
    }
}
