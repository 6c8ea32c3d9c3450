package dev.vigil.risk.geoip;

import java.net.InetAddress;
import java.util.Optional;

/** Stateless view over the factory's shared databases; cheap to create per session. */
final class MaxMindGeoIpProvider implements GeoIpProvider {

    private final GeoIpDatabases databases;

    MaxMindGeoIpProvider(GeoIpDatabases databases) {
        this.databases = databases;
    }

    @Override
    public Optional<GeoLocation> locate(InetAddress address) {
        return databases.city().lookUp(address);
    }

    @Override
    public Optional<NetworkOwner> networkOwner(InetAddress address) {
        return databases.asn().lookUp(address);
    }

    @Override
    public Optional<AnonymizerFlags> anonymizer(InetAddress address) {
        return databases.anonymousIp().lookUp(address);
    }
}
