package dev.vigil.risk.geoip;

import org.keycloak.provider.ProviderFactory;

public interface GeoIpProviderFactory extends ProviderFactory<GeoIpProvider> {
}
