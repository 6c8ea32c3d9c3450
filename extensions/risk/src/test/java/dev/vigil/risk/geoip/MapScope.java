package dev.vigil.risk.geoip;

import java.util.Map;
import java.util.Set;

import org.keycloak.Config;

/** A provider config scope over a map, as the server builds it from {@code spi-vigil-geoip--maxmind--*}. */
final class MapScope extends Config.AbstractScope {

    private final Map<String, String> values;

    MapScope(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public Config.Scope scope(String... scope) {
        throw new UnsupportedOperationException("no nested scopes in tests");
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Config.Scope root() {
        return this;
    }
}
