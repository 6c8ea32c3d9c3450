package dev.vigil.risk.signal;

import dev.vigil.risk.geoip.GeoIpProvider;
import org.keycloak.models.KeycloakSession;

public class PlaceSignalFactory implements RiskSignalFactory {

    public static final String ID = "place";

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new PlaceSignal(session.getProvider(GeoIpProvider.class));
    }

    @Override
    public String getId() {
        return ID;
    }
}
