package dev.vigil.privacy.history;

import java.time.Clock;

import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.api.history.SignInHistoryProviderFactory;
import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;

/** The privacy extension's implementation of the sign-in history SPI ({@code vigil-privacy}). */
public class PrivacyKeptHistoryFactory implements SignInHistoryProviderFactory, StatelessFactory<SignInHistoryProvider> {

    public static final String ID = "vigil-privacy";

    private final Clock clock = Clock.systemUTC();

    @Override
    public SignInHistoryProvider create(KeycloakSession session) {
        return new PrivacyKeptHistory(session, clock);
    }

    @Override
    public String getId() {
        return ID;
    }
}
