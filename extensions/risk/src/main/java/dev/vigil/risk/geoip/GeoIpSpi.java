package dev.vigil.risk.geoip;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Vigil's GeoIP lookups as a Keycloak SPI, so the backing database (MaxMind today) can be swapped or
 * configured with the usual {@code spi-vigil-geoip--<provider>--<option>} server options.
 */
public class GeoIpSpi implements Spi {

    public static final String NAME = "vigil-geoip";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return GeoIpProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return GeoIpProviderFactory.class;
    }
}
