package dev.vigil.otp.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * A request to Keycloak's account REST API whose caller is known: the user of its bearer token, read the way Keycloak's
 * account resources read it. Vigil refuses it with a 403 JSON error whose message is a key of Vigil's messages, an
 * event, and one log line with neither the user nor what they sent.
 */
final class AccountRequest {

    private static final Logger LOG = Logger.getLogger(AccountRequest.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthResult caller;

    private AccountRequest(KeycloakSession session, RealmModel realm, AuthResult caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    /** Empty when there is no such realm or no valid token: Keycloak answers those requests itself. */
    static Optional<AccountRequest> of(String realmName) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        RealmModel realm = session == null ? null : session.realms().getRealmByName(realmName);
        if (realm == null) {
            return Optional.empty();
        }
        AuthResult caller = new AppAuthManager.BearerTokenAuthenticator(session)
                .setRealm(realm)
                .setUriInfo(session.getContext().getUri())
                .setConnection(session.getContext().getConnection())
                .setHeaders(session.getContext().getRequestHeaders())
                .authenticate();
        return Optional.ofNullable(caller).map(auth -> new AccountRequest(session, realm, auth));
    }

    UserModel user() {
        return caller.user();
    }

    /** An event about this request, of {@code type}, from its user and client. */
    EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type).user(caller.user()).client(caller.client());
    }

    /** Answers 403 with {@code messageKey} as the JSON error's {@code errorMessage}, as Keycloak's account API gives its own. */
    void refuse(ContainerRequestContext request, String what, String messageKey) throws IOException {
        LOG.warnf("Refused %s through Keycloak's account REST API in realm %s: it needs a fresh code in a sign-in", what, realm.getName());
        ErrorRepresentation body = new ErrorRepresentation();
        body.setErrorMessage(messageKey);
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonSerialization.writeValueAsString(body)).build());
    }
}
