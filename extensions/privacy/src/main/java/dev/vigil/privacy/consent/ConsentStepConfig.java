package dev.vigil.privacy.consent;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.vigil.api.provider.SessionMemo;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Finds the settings of the realm's "Vigil consent" step: the one in the realm's browser flow (or its
 * sub-flows) when there is one there, else any other, so that one realm reads one set of settings. Finding them
 * walks the realm's flows, so a session does it once per realm and keeps what it found for the rest of its request.
 */
public final class ConsentStepConfig {

    private ConsentStepConfig() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> of(KeycloakSession session, RealmModel realm) {
        return SessionMemo.get(session, "consent-step:" + realm.getId(), Map.class, () -> find(realm));
    }

    private static Map<String, String> find(RealmModel realm) {
        return consentExecutions(realm)
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .filter(Objects::nonNull)
                .map(realm::getAuthenticatorConfigById)
                .filter(Objects::nonNull)
                .map(AuthenticatorConfigModel::getConfig)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(Map.of());
    }

    private static Stream<AuthenticationExecutionModel> consentExecutions(RealmModel realm) {
        String browserFlow = Optional.ofNullable(realm.getBrowserFlow()).map(flow -> flow.getId()).orElse("");
        return realm.getAuthenticationFlowsStream()
                .sorted(Comparator.comparing(flow -> !inFlow(realm, browserFlow, flow.getId())))
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> ConsentAuthenticatorFactory.ID.equals(execution.getAuthenticator()));
    }

    /** Whether {@code flowId} is the browser flow or one of its sub-flows, at any depth. */
    private static boolean inFlow(RealmModel realm, String rootId, String flowId) {
        if (rootId.equals(flowId)) {
            return true;
        }
        return realm.getAuthenticationExecutionsStream(rootId)
                .filter(AuthenticationExecutionModel::isAuthenticatorFlow)
                .anyMatch(execution -> inFlow(realm, execution.getFlowId(), flowId));
    }
}
