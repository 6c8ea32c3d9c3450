package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import org.jboss.logging.Logger;

/** Stateless view over the factory's shared readers and answers; cheap to create per session. */
final class MaxMindGeoIpProvider implements GeoIpProvider {

    private static final Logger LOG = Logger.getLogger(MaxMindGeoIpProvider.class);

    private final GeoIpDatabases databases;
    private final GeoIpAnswers answers;

    MaxMindGeoIpProvider(GeoIpDatabases databases, GeoIpAnswers answers) {
        this.databases = databases;
        this.answers = answers;
    }

    @Override
    public Optional<GeoLocation> locate(InetAddress address) {
        return address == null ? Optional.empty() : answers.location(address, key ->
                lookup(GeoIpDatabase.CITY, key, DatabaseReader::tryCity).map(MaxMindResults::location));
    }

    @Override
    public Optional<NetworkOwner> networkOwner(InetAddress address) {
        return address == null ? Optional.empty() : answers.owner(address, key ->
                lookup(GeoIpDatabase.ASN, key, DatabaseReader::tryAsn)
                        .filter(response -> response.autonomousSystemNumber() != null)
                        .map(MaxMindResults::owner));
    }

    @Override
    public Optional<AnonymizerFlags> anonymizer(InetAddress address) {
        return address == null ? Optional.empty() : answers.anonymizer(address, key ->
                lookup(GeoIpDatabase.ANONYMOUS_IP, key, DatabaseReader::tryAnonymousIp).map(MaxMindResults::flags));
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
