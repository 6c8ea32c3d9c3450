package dev.vigil.risk.geoip;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recent answers of one opened database file, per address: logins keep coming from the same addresses, and a hit
 * costs a hash lookup where MaxMind decodes a record (its own cache keeps decoded records, not answers). Safe to
 * keep per server because it belongs to one file: a replaced file comes with new, empty answers, so no answer of
 * the old file outlives it, not even one computed by a lookup still in flight during the swap.
 */
final class GeoIpAnswers<V> {

    static final long DEFAULT_SIZE = 50_000;

    private final Cache<InetAddress, Optional<V>> answers;

    /** Evictions on the calling thread: no background work, and a size of 0 keeps nothing at all. */
    GeoIpAnswers(long size) {
        answers = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    Optional<V> get(InetAddress address, Function<InetAddress, Optional<V>> lookup) {
        return answers.get(address, lookup);
    }
}
