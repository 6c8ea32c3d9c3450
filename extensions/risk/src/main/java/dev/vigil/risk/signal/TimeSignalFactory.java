package dev.vigil.risk.signal;

import org.keycloak.models.KeycloakSession;

public class TimeSignalFactory implements RiskSignalFactory {

    public static final String ID = "time";

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new TimeSignal();
    }

    @Override
    public String getId() {
        return ID;
    }
}
