package dev.vigil.risk.doors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.CibaConfig;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OAuth2DeviceConfig;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/**
 * The doors into a session of one realm that do not run Vigil's steps: the flows bound to the browser, the password
 * grant and "forgot password", single sign-on, which passes the terms only through the consent-check required
 * action, refresh tokens, held at new terms only by Vigil's client policy, each client's own browser or password
 * grant flow (a binding override takes the realm's place for that client), a client's CIBA grant (the user approves
 * on another device, outside any flow), and each identity provider's post-login flow (Keycloak runs it after every
 * broker login, the first included; a first-login flow alone leaves the later ones to Keycloak's defaults).
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
        if (!RefreshGuard.appliedIn(session, realm)) {
            uncovered.add("refresh tokens (no enabled client policy runs executor " + RefreshGuard.EXECUTOR + ")");
        }
        realm.getClientsStream()
                .filter(ClientModel::isEnabled)
                .sorted(Comparator.comparing(ClientModel::getClientId))
                .forEach(client -> uncovered.addAll(clientDoors(realm, client)));
        session.identityProviders().getAllStream()
                .filter(provider -> provider.isEnabled() && !VigilSteps.runIn(realm, provider.getPostBrokerLoginFlowId()))
                .forEach(provider -> uncovered.add("identity provider " + provider.getAlias() + " (post login flow)"));
        return uncovered;
    }

    /** A client's own flows, for the grants it allows, that skip Vigil's steps; and CIBA, which runs no flow. */
    private static List<String> clientDoors(RealmModel realm, ClientModel client) {
        Map<String, String> overrides = client.getAuthenticationFlowBindingOverrides();
        List<String> doors = new ArrayList<>();
        // The device grant signs the user in through the browser flow too.
        boolean browser = client.isStandardFlowEnabled() || client.isImplicitFlowEnabled()
                || attributeOn(client, OAuth2DeviceConfig.OAUTH2_DEVICE_AUTHORIZATION_GRANT_ENABLED);
        if (browser && skipsVigil(realm, overrides.get(AuthenticationFlowBindings.BROWSER_BINDING))) {
            doors.add("client " + client.getClientId() + " (browser flow override)");
        }
        if (client.isDirectAccessGrantsEnabled()
                && skipsVigil(realm, overrides.get(AuthenticationFlowBindings.DIRECT_GRANT_BINDING))) {
            doors.add("client " + client.getClientId() + " (direct grant flow override)");
        }
        if (attributeOn(client, CibaConfig.OIDC_CIBA_GRANT_ENABLED)) {
            // The user approves on their own device through the realm's authentication channel: no flow runs.
            doors.add("client " + client.getClientId() + " (CIBA grant)");
        }
        return doors;
    }

    private static boolean attributeOn(ClientModel client, String attribute) {
        return Boolean.parseBoolean(client.getAttribute(attribute));
    }

    private static boolean skipsVigil(RealmModel realm, String overrideFlowId) {
        return overrideFlowId != null && !VigilSteps.runIn(realm, overrideFlowId);
    }

    private static String flowId(AuthenticationFlowModel flow) {
        return flow == null ? null : flow.getId();
    }
}
