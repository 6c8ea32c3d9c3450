package dev.vigil.risk.signal;

import org.keycloak.models.KeycloakSession;

public class FailedLoginsSignalFactory implements RiskSignalFactory {

    public static final String ID = "failed-logins";

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new FailedLoginsSignal();
    }

    @Override
    public String getId() {
        return ID;
    }
}
