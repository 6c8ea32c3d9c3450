package dev.vigil.risk.flow;

import java.util.Set;

import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * True when the risk step's level is one of the configured levels (or, negated, none of them). In report-only
 * mode the risk step leaves no level, so no level matches and the flow runs as if scoring were off.
 */
final class RiskLevelCondition implements ConditionalAuthenticator {

    static final RiskLevelCondition SINGLETON = new RiskLevelCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        RiskLevelConditionConfig config;
        try {
            config = RiskLevelConditionConfig.of(context.getAuthenticatorConfig());
        } catch (InvalidSetting bad) {
            // A condition shows no page: failing safe is running what it guards, the step-up.
            BadSettings.report(context.getSession(), context.getRealm(), RiskLevelConditionFactory.ID, bad);
            return true;
        }
        String level = context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL);
        Set<String> levels = config.levels();
        boolean matches = (level != null && levels.contains(level)) != config.negate();
        if (matches && !config.negate()) {
            // What follows is a step-up (the demo flow's OTP): relying parties learn it through the acr claim.
            context.getAuthenticationSession().setAuthNote(RiskNotes.STEPPED_UP, level);
            context.getAuthenticationSession().setClientNote(RiskNotes.STEPPED_UP, level);
        }
        return matches;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
