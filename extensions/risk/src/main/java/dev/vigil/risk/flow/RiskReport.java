package dev.vigil.risk.flow;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * Puts the risk assessment into the LOGIN event when the login ends in a later request than the risk step
 * (after a step-up, say): Keycloak gives each request its own event builder, and required actions are the one
 * extension point that sees the builder of the request that completes the login. It never asks anything of the
 * user: its trigger only adds the event details.
 */
final class RiskReport implements RequiredActionProvider {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        RiskEventDetails.addTo(context.getEvent(), context.getAuthenticationSession());
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}
