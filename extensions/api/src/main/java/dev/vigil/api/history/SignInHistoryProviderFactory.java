package dev.vigil.api.history;

import org.keycloak.provider.ProviderFactory;

public interface SignInHistoryProviderFactory extends ProviderFactory<SignInHistoryProvider> {
}
