package dev.vigil.risk.signal;

import dev.vigil.risk.geoip.GeoIpProvider;
import org.keycloak.models.KeycloakSession;

public class NetworkSignalFactory implements RiskSignalFactory {

    public static final String ID = "network";

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new NetworkSignal(session.getProvider(GeoIpProvider.class));
    }

    @Override
    public String getId() {
        return ID;
    }
}
