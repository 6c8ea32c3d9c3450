package dev.vigil.risk.signal;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.api.provider.SessionMemo;
import dev.vigil.risk.flow.RiskConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A login being scored, as the signals see it.
 *
 * @param history the user's prior successful sign-ins as stored, newest first
 * @param now     the scoring instant, from the injectable clock
 */
public record LoginContext(KeycloakSession session, RealmModel realm, UserModel user,
                           AuthenticationSessionModel authSession, RiskConfig config,
                           SignInHistoryProvider store, List<SignIn> history, Instant now) {

    /** Whether the realm collects this feature: a signal must not even read what is off. */
    public boolean collects(Feature feature) {
        return store.collects(realm, feature);
    }

    /** The client's address, parsed once for every signal that needs it. */
    @SuppressWarnings("unchecked")
    public Optional<InetAddress> clientAddress() {
        return SessionMemo.get(session, "client-address", Optional.class, () -> ClientAddress.of(session));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(session.getContext().getRequestHeaders().getHeaderString(name))
                .filter(value -> !value.isBlank());
    }

    public Optional<SignIn> lastSignIn() {
        return history.stream().findFirst();
    }
}
