package dev.vigil.risk.signal;

import org.keycloak.models.KeycloakSession;

public class RememberedDeviceSignalFactory implements RiskSignalFactory {

    public static final String ID = "remembered-device";

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new RememberedDeviceSignal();
    }

    @Override
    public String getId() {
        return ID;
    }
}
