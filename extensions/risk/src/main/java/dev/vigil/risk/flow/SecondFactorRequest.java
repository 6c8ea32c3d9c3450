package dev.vigil.risk.flow;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Asks this login for the second factor's level, as a site sending {@code acr_values=2} would. Put after the risk-level
 * condition, it lets one place ask for the code, the flow's "Condition - Level of Authentication" sub-flow for level
 * 2, whether the site or the risk wanted it: Keycloak then records the level in the SSO session (so that a site
 * asking for it within its max age is not asked again) and in the acr claim.
 */
final class SecondFactorRequest implements Authenticator {

    static final SecondFactorRequest SINGLETON = new SecondFactorRequest();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int level = SecondFactorLevel.raise(authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION));
        authSession.setClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, String.valueOf(level));
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
