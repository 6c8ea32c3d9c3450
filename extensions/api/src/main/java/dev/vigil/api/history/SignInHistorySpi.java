package dev.vigil.api.history;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI "vigil-sign-in-history": implemented by the privacy extension, used by the risk extension. */
public class SignInHistorySpi implements Spi {

    public static final String NAME = "vigil-sign-in-history";

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
        return SignInHistoryProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SignInHistoryProviderFactory.class;
    }
}
