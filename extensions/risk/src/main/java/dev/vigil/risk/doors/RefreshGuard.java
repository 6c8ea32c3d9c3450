package dev.vigil.risk.doors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;

/**
 * Whether the realm holds refresh tokens at new terms: an enabled client policy applies a client profile that runs
 * the privacy extension's executor. The policy's conditions are taken as the admin set them (the demo realm's is
 * any-client): which clients they leave out is the admin's choice, as with the consent step's client list.
 */
final class RefreshGuard {

    /** The client-policy executor that refuses a refresh at new terms (privacy extension). */
    static final String EXECUTOR = "vigil-current-terms";

    private RefreshGuard() {
    }

    static boolean appliedIn(KeycloakSession session, RealmModel realm) {
        ClientProfilesRepresentation profiles;
        ClientPoliciesRepresentation policies;
        try {
            profiles = session.clientPolicy().getClientProfiles(realm, false);
            policies = session.clientPolicy().getClientPolicies(realm, false);
        } catch (ClientPolicyException unreadable) {
            return false;
        }
        Set<String> guarding = listed(profiles == null ? null : profiles.getProfiles()).stream()
                .filter(profile -> listed(profile.getExecutors()).stream()
                        .anyMatch(executor -> EXECUTOR.equals(executor.getExecutorProviderId())))
                .map(ClientProfileRepresentation::getName)
                .collect(Collectors.toSet());
        return listed(policies == null ? null : policies.getPolicies()).stream()
                .filter(policy -> Boolean.TRUE.equals(policy.isEnabled()))
                .map(ClientPolicyRepresentation::getProfiles)
                .flatMap(names -> listed(names).stream())
                .filter(Objects::nonNull)
                .anyMatch(guarding::contains);
    }

    private static <T> List<T> listed(List<T> items) {
        return Optional.ofNullable(items).orElse(List.of());
    }
}
