package dev.vigil.risk.geoip;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * GeoIP from local MaxMind databases. The readers are opened once here and shared by every session:
 * opening is costly, lookups on a memory-mapped reader are thread-safe.
 */
public class MaxMindGeoIpProviderFactory implements GeoIpProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "maxmind";

    /** Prefix of this provider's server options, e.g. {@code spi-vigil-geoip--maxmind--city-database}. */
    static final String OPTION_PREFIX = "spi-" + GeoIpSpi.NAME + "--" + PROVIDER_ID + "--";

    static final String ANSWER_CACHE_SIZE = "answer-cache-size";

    private GeoIpDatabases databases;
    private GeoIpAnswers answers;

    @Override
    public void init(Config.Scope config) {
        databases = GeoIpDatabases.open(config, OPTION_PREFIX);
        answers = new GeoIpAnswers(Math.max(0, config.getLong(ANSWER_CACHE_SIZE, GeoIpAnswers.DEFAULT_SIZE)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing: the databases need no other provider.
    }

    @Override
    public GeoIpProvider create(KeycloakSession session) {
        return new MaxMindGeoIpProvider(databases, answers);
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
