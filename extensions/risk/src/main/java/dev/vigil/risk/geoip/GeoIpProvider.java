package dev.vigil.risk.geoip;

import java.net.InetAddress;
import java.util.Optional;

import org.keycloak.provider.Provider;

/**
 * Where an address is, who runs its network and whether it is an anonymizer.
 * Every lookup answers {@link Optional#empty()} for "unknown" (database not configured, address not in it,
 * or a failed lookup) and never throws: a GeoIP problem must not break a login.
 */
public interface GeoIpProvider extends Provider {

    Optional<GeoLocation> locate(InetAddress address);

    Optional<NetworkOwner> networkOwner(InetAddress address);

    Optional<AnonymizerFlags> anonymizer(InetAddress address);

    @Override
    default void close() {
        // Providers are views over readers owned by their factory: nothing to release per session.
    }
}
