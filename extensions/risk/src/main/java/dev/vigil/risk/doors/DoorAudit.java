package dev.vigil.risk.doors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/**
 * The doors into a session of one realm that do not run Vigil's steps: the flows bound to the browser, the password
 * grant and "forgot password", each identity provider's post-login flow (Keycloak runs it after every broker
 * login, the first included), and single sign-on, which passes the terms only through the consent-check required
 * action. Client-level flow overrides are not looked at.
 */
public final class DoorAudit {

    /** The required action that holds a single sign-on at new terms (privacy extension). */
    static final String CONSENT_CHECK = "vigil-consent-check";

    private DoorAudit() {
    }

    /** {@code session}'s context realm must be {@code realm}: Keycloak finds identity providers through it. */
    public static List<String> uncoveredDoors(KeycloakSession session, RealmModel realm) {
        List<String> uncovered = new ArrayList<>();
        if (!VigilSteps.runIn(realm, flowId(realm.getBrowserFlow()))) {
            uncovered.add("browser");
        }
        if (!VigilSteps.runIn(realm, flowId(realm.getDirectGrantFlow()))) {
            uncovered.add("direct grant");
        }
        if (realm.isResetPasswordAllowed() && !VigilSteps.runIn(realm, flowId(realm.getResetCredentialsFlow()))) {
            uncovered.add("reset credentials");
        }
        if (!Optional.ofNullable(realm.getRequiredActionProviderByAlias(CONSENT_CHECK))
                .map(RequiredActionProviderModel::isEnabled).orElse(false)) {
            uncovered.add("single sign-on (required action " + CONSENT_CHECK + " not enabled)");
        }
        session.identityProviders().getAllStream()
                .filter(provider -> provider.isEnabled() && !VigilSteps.runIn(realm, provider.getPostBrokerLoginFlowId()))
                .forEach(provider -> uncovered.add("identity provider " + provider.getAlias() + " (post login flow)"));
        return uncovered;
    }

    private static String flowId(AuthenticationFlowModel flow) {
        return flow == null ? null : flow.getId();
    }
}
