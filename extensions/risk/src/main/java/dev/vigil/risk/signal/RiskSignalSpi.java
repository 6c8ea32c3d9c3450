package dev.vigil.risk.signal;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The risk signals as a Keycloak SPI: every enabled provider contributes to every scored login. */
public class RiskSignalSpi implements Spi {

    public static final String NAME = "vigil-risk-signal";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RiskSignal.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RiskSignalFactory.class;
    }
}
