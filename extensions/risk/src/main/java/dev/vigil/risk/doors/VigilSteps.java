package dev.vigil.risk.doors;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.models.RealmModel;

/**
 * Whether a flow runs Vigil's steps: the consent gate and the risk evaluation, enabled, in the flow or any of its
 * sub-flows (the risk evaluation then decides on the second factor through its conditions).
 */
final class VigilSteps {

    /** The consent step's id (privacy extension), named here through Keycloak's model only. */
    static final String CONSENT = "vigil-consent";
    static final String RISK = "vigil-risk-evaluation";

    private VigilSteps() {
    }

    static boolean runIn(RealmModel realm, String flowId) {
        return flowId != null && authenticators(realm, flowId).collect(Collectors.toSet()).containsAll(Set.of(CONSENT, RISK));
    }

    private static Stream<String> authenticators(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> !execution.isDisabled())
                .flatMap(execution -> execution.isAuthenticatorFlow()
                        ? authenticators(realm, execution.getFlowId())
                        : Stream.ofNullable(execution.getAuthenticator()));
    }
}
