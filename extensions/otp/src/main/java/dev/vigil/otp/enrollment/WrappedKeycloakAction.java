package dev.vigil.otp.enrollment;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One of Keycloak's required actions, taken over by {@link KeycloakActionOverride}: everything is Keycloak's action
 * unchanged except what a subclass guards, so that Keycloak's behaviour stays the default.
 *
 * @param <K> Keycloak's action
 */
abstract class WrappedKeycloakAction<K extends RequiredActionProvider> implements RequiredActionProvider {

    protected final K keycloak;

    WrappedKeycloakAction(K keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return keycloak.initiatedActionSupport();
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        keycloak.initiatedActionCanceled(session, authSession);
    }

    @Override
    public int getMaxAuthAge(KeycloakSession session) {
        return keycloak.getMaxAuthAge(session);
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        keycloak.evaluateTriggers(context);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        keycloak.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        keycloak.processAction(context);
    }

    @Override
    public void close() {
    }
}
