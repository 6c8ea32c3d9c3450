package dev.vigil.risk.signal;

import org.keycloak.models.KeycloakSession;

public class FingerprintSignalFactory implements RiskSignalFactory {

    public static final String ID = "fingerprint";

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new FingerprintSignal();
    }

    @Override
    public String getId() {
        return ID;
    }
}
