package dev.vigil.risk.signal;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/** Owns the server's one user-agent analyzer, built at start so that no login pays for it. */
public class DeviceSignalFactory implements RiskSignalFactory {

    public static final String ID = "device";

    private UserAgents agents;

    @Override
    public void init(Config.Scope config) {
        agents = new UserAgents(config.getInt("user-agent-cache-size", 10_000));
    }

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new DeviceSignal(agents);
    }

    @Override
    public void close() {
        if (agents != null) {
            agents.close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
