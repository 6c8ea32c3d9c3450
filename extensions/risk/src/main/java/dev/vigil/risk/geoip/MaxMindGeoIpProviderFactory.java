package dev.vigil.risk.geoip;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * GeoIP from local MaxMind databases. The readers are opened here and shared by every session: opening is costly,
 * lookups on a memory-mapped reader are thread-safe. A replaced database file is reopened while the server runs.
 */
public class MaxMindGeoIpProviderFactory implements GeoIpProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "maxmind";

    /** Prefix of this provider's server options, e.g. {@code spi-vigil-geoip--maxmind--city-database}. */
    static final String OPTION_PREFIX = "spi-" + GeoIpSpi.NAME + "--" + PROVIDER_ID + "--";

    private final Clock clock;
    private GeoIpDatabases databases;

    public MaxMindGeoIpProviderFactory() {
        this(Clock.systemUTC());
    }

    /** With the clock that paces the file checks and dates the databases' age, for tests. */
    MaxMindGeoIpProviderFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(Config.Scope config) {
        databases = GeoIpDatabases.open(MaxMindSettings.read(config), clock);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing: the databases need no other provider.
    }

    @Override
    public GeoIpProvider create(KeycloakSession session) {
        return new MaxMindGeoIpProvider(databases);
    }

    @Override
    public void close() {
        if (databases != null) {
            databases.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return MaxMindConfigProperties.PROPERTIES;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return databases.states();
    }
}
