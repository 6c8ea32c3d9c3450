package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import org.jboss.logging.Logger;

/** Stateless view over the factory's shared readers; cheap to create per session. */
final class MaxMindGeoIpProvider implements GeoIpProvider {

    private static final Logger LOG = Logger.getLogger(MaxMindGeoIpProvider.class);

    private final GeoIpDatabases databases;

    MaxMindGeoIpProvider(GeoIpDatabases databases) {
        this.databases = databases;
    }

    @Override
    public Optional<GeoLocation> locate(InetAddress address) {
        return lookup(GeoIpDatabase.CITY, address, DatabaseReader::tryCity).map(MaxMindResults::location);
    }

    @Override
    public Optional<NetworkOwner> networkOwner(InetAddress address) {
        return lookup(GeoIpDatabase.ASN, address, DatabaseReader::tryAsn)
                .filter(response -> response.autonomousSystemNumber() != null)
                .map(MaxMindResults::owner);
    }

    @Override
    public Optional<AnonymizerFlags> anonymizer(InetAddress address) {
        return lookup(GeoIpDatabase.ANONYMOUS_IP, address, DatabaseReader::tryAnonymousIp).map(MaxMindResults::flags);
    }

    private <T> Optional<T> lookup(GeoIpDatabase database, InetAddress address, Lookup<T> lookup) {
        Optional<DatabaseReader> reader = databases.reader(database);
        if (address == null || reader.isEmpty()) {
            return Optional.empty();
        }
        try {
            return lookup.find(reader.get(), address);
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            // Only the exception type: MaxMind's messages can carry the address, which must not reach the logs.
            LOG.debugf("GeoIP %s lookup failed: %s", database.label(), e.getClass().getName());
            return Optional.empty();
        }
    }

    /** A MaxMind {@code try*} lookup: empty when the address is not in the database. */
    @FunctionalInterface
    private interface Lookup<T> {
        Optional<T> find(DatabaseReader reader, InetAddress address) throws IOException, GeoIp2Exception;
    }
}
