package dev.vigil.risk.geoip;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recent answers per address, in front of the readers: logins keep coming from the same addresses, and a hit
 * costs a hash lookup where MaxMind decodes a record (its own cache keeps decoded records, not answers). Safe to
 * keep per server: the answers are small immutable records of files that do not change while the server runs.
 */
final class GeoIpAnswers {

    static final long DEFAULT_SIZE = 50_000;

    private final Cache<InetAddress, Optional<GeoLocation>> locations;
    private final Cache<InetAddress, Optional<NetworkOwner>> owners;
    private final Cache<InetAddress, Optional<AnonymizerFlags>> anonymizers;

    GeoIpAnswers(long size) {
        locations = cache(size);
        owners = cache(size);
        anonymizers = cache(size);
    }

    /** Evictions on the calling thread: no background work, and a size of 0 keeps nothing at all. */
    private static <V> Cache<InetAddress, V> cache(long size) {
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    Optional<GeoLocation> location(InetAddress address, Function<InetAddress, Optional<GeoLocation>> lookup) {
        return locations.get(address, lookup);
    }

    Optional<NetworkOwner> owner(InetAddress address, Function<InetAddress, Optional<NetworkOwner>> lookup) {
        return owners.get(address, lookup);
    }

    Optional<AnonymizerFlags> anonymizer(InetAddress address, Function<InetAddress, Optional<AnonymizerFlags>> lookup) {
        return anonymizers.get(address, lookup);
    }
}
