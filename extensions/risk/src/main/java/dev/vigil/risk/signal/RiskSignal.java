package dev.vigil.risk.signal;

import org.keycloak.provider.Provider;

/**
 * One source of evidence about a login (device, network, place, ...). Each is its own provider, so a server
 * can switch one off ({@code spi-vigil-risk-signal--<id>--enabled=false}) and a realm can weight it.
 * A signal reads only what the realm collects, and never fails a login: what it cannot tell stays unknown.
 */
public interface RiskSignal extends Provider {

    void observe(LoginContext login, Evidence evidence);

    @Override
    default void close() {
    }
}
