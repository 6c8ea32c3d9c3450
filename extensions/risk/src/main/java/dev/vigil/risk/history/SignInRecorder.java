package dev.vigil.risk.history;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.risk.flow.RiskNotes;
import dev.vigil.risk.signal.ClientAddress;
import dev.vigil.risk.signal.RememberedDevices;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Puts a scored login into the user's history when, and only when, Keycloak reports it successful: the
 * {@code LOGIN} event comes at the end of the flow and its required actions, in the same request and
 * transaction. The device is then remembered (cookie renewed) and the user notified of a new device or country.
 */
final class SignInRecorder implements EventListenerProvider {

    /**
     * Login errors that are a guess at a credential: a wrong password or code, an unknown user, a locked-out one.
     * Others (expired or replayed forms, missing cookies, bad requests) are no guess and create no entry.
     */
    static final Set<String> CREDENTIAL_FAILURES = Set.of(Errors.INVALID_USER_CREDENTIALS, Errors.USER_NOT_FOUND,
            Errors.USER_TEMPORARILY_DISABLED);

    private final KeycloakSession session;
    private final Clock clock;

    SignInRecorder(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.LOGIN_ERROR) {
            if (CREDENTIAL_FAILURES.contains(event.getError())) {
                countFailure();
            }
            return;
        }
        if (event.getType() != EventType.LOGIN) {
            return;
        }
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession == null || authSession.getAuthenticatedUser() == null
                || !authSession.getAuthenticatedUser().getId().equals(event.getUserId())) {
            return;
        }
        PendingSignIn.takeFrom(authSession).ifPresent(pending -> record(authSession, pending));
    }

    private void record(AuthenticationSessionModel authSession, PendingSignIn pending) {
        RealmModel realm = authSession.getRealm();
        UserModel user = authSession.getAuthenticatedUser();
        SignInHistoryProvider store = session.getProvider(SignInHistoryProvider.class);
        Instant now = clock.instant();
        SignIn.Outcome outcome = authSession.getAuthNote(RiskNotes.STEPPED_UP) != null
                ? SignIn.Outcome.STEPPED_UP : SignIn.Outcome.ALLOWED;
        Optional<SignIn> stored = store.record(realm, user, new SignIn(null, now, pending.observed(), pending.place(),
                pending.deviceLabel(), pending.level(), pending.score(), pending.reasons(), outcome));
        stored.flatMap(signIn -> store.deviceOf(realm, user, signIn.id())).ifPresent(deviceId ->
                new RememberedDevices(session, realm).remember(user, deviceId, now, store.rememberedDeviceLifetime(realm)));
        if (stored.isPresent() && pending.notice() != null) {
            new NewSignInNotice(session).send(realm, user, pending);
        }
    }

    /** Every failed credential counts towards its address's velocity, whichever user it named (or none). */
    private void countFailure() {
        RealmModel realm = session.getContext().getRealm();
        if (realm != null) {
            ClientAddress.of(session).ifPresent(address -> new FailedLogins(session, realm).countFailure(address));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
