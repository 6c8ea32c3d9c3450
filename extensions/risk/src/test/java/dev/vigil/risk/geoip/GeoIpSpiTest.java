package dev.vigil.risk.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.Spi;

class GeoIpSpiTest {

    @Test
    void isRegisteredAsAPublicSpi() {
        assertThat(ServiceLoader.load(Spi.class).stream().map(ServiceLoader.Provider::type))
                .contains(GeoIpSpi.class);

        GeoIpSpi spi = new GeoIpSpi();
        assertThat(spi.getName()).isEqualTo("vigil-geoip");
        assertThat(spi.isInternal()).isFalse();
        assertThat(spi.getProviderClass()).isEqualTo(GeoIpProvider.class);
        assertThat(spi.getProviderFactoryClass()).isEqualTo(GeoIpProviderFactory.class);
    }

    @Test
    void hasTheMaxMindFactoryRegistered() {
        assertThat(ServiceLoader.load(GeoIpProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .singleElement()
                .satisfies(factory -> assertThat(factory.getId()).isEqualTo("maxmind"))
                .isInstanceOf(MaxMindGeoIpProviderFactory.class);
    }
}
