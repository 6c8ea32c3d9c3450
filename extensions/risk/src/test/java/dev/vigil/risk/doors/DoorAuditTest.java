package dev.vigil.risk.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.ClientPolicyManager;

class DoorAuditTest {

    private final Map<String, List<AuthenticationExecutionModel>> flows = new HashMap<>();
    private final RealmModel realm = mock(RealmModel.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final IdentityProviderStorageProvider identityProviders = mock(IdentityProviderStorageProvider.class);
    private final ClientPolicyManager clientPolicies = mock(ClientPolicyManager.class);

    @BeforeEach
    void aRealmLikeTheDemoRealm() throws ClientPolicyException {
        when(realm.getAuthenticationExecutionsStream(anyString()))
                .thenAnswer(call -> flows.getOrDefault(call.<String>getArgument(0), List.of()).stream());
        when(session.identityProviders()).thenReturn(identityProviders);
        when(identityProviders.getAllStream()).thenAnswer(call -> Stream.empty());
        flows.put("vigil-forms", List.of(step("auth-username-password-form"), step(VigilSteps.CONSENT), step(VigilSteps.RISK)));
        flows.put("vigil-browser", List.of(step("auth-cookie"), subFlow("vigil-forms")));
        flows.put("vigil-grant", List.of(step("direct-grant-validate-password"), step(VigilSteps.CONSENT), step(VigilSteps.RISK)));
        flows.put("vigil-reset", List.of(step("reset-password"), step(VigilSteps.CONSENT), step(VigilSteps.RISK)));
        flows.put("keycloak-default", List.of(step("auth-username-password-form")));
        bind("vigil-browser", "vigil-grant", "vigil-reset");
        when(realm.isResetPasswordAllowed()).thenReturn(true);
        RequiredActionProviderModel check = new RequiredActionProviderModel();
        check.setEnabled(true);
        when(realm.getRequiredActionProviderByAlias(DoorAudit.CONSENT_CHECK)).thenReturn(check);
        when(realm.getClientsStream()).thenAnswer(call -> Stream.empty());
        when(session.clientPolicy()).thenReturn(clientPolicies);
        when(clientPolicies.getClientProfiles(realm, false)).thenReturn(profiles(profile("vigil terms", RefreshGuard.EXECUTOR)));
        when(clientPolicies.getClientPolicies(realm, false)).thenReturn(policies(policy(true, "vigil terms")));
    }

    @Test
    void aRealmWithVigilOnEveryDoorHasNoneUncovered() {
        assertThat(DoorAudit.uncoveredDoors(session, realm)).isEmpty();
    }

    @Test
    void keycloaksDefaultFlowsLeaveEveryDoorUncovered() throws ClientPolicyException {
        bind("keycloak-default", "keycloak-default", "keycloak-default");
        when(realm.getRequiredActionProviderByAlias(DoorAudit.CONSENT_CHECK)).thenReturn(null);

        when(clientPolicies.getClientPolicies(realm, false)).thenReturn(policies());

        assertThat(DoorAudit.uncoveredDoors(session, realm)).containsExactly("browser", "direct grant", "reset credentials",
                "single sign-on (required action vigil-consent-check not enabled)",
                "refresh tokens (no enabled client policy runs executor vigil-current-terms)");
    }

    @Test
    void refreshIsCoveredOnlyByAnEnabledPolicyOnAProfileThatRunsVigilsExecutor() throws ClientPolicyException {
        String uncovered = "refresh tokens (no enabled client policy runs executor vigil-current-terms)";
        when(clientPolicies.getClientProfiles(realm, false)).thenReturn(profiles(
                profile("vigil terms", RefreshGuard.EXECUTOR), profile("other", "secure-client-authenticator")));

        when(clientPolicies.getClientPolicies(realm, false)).thenReturn(policies(policy(false, "vigil terms")));
        assertThat(DoorAudit.uncoveredDoors(session, realm)).as("disabled policy").containsExactly(uncovered);

        when(clientPolicies.getClientPolicies(realm, false)).thenReturn(policies(policy(true, "other")));
        assertThat(DoorAudit.uncoveredDoors(session, realm)).as("another profile").containsExactly(uncovered);

        when(clientPolicies.getClientPolicies(realm, false)).thenReturn(policies(policy(true, "other", "vigil terms")));
        assertThat(DoorAudit.uncoveredDoors(session, realm)).as("among others").isEmpty();

        when(clientPolicies.getClientPolicies(realm, false)).thenThrow(new ClientPolicyException("invalid", "unreadable"));
        assertThat(DoorAudit.uncoveredDoors(session, realm)).as("unreadable policies").containsExactly(uncovered);
    }

    @Test
    void aClientsOwnFlowIsADoorForTheGrantsItAllowsAndCibaRunsNoFlow() {
        ClientModel browserOverride = client("b-app", true, false, Map.of("browser", "keycloak-default"));
        ClientModel grantOverride = client("a-cli", false, true, Map.of("direct_grant", "keycloak-default"));
        ClientModel unusedOverride = client("c-unused", false, false, Map.of("browser", "keycloak-default",
                "direct_grant", "keycloak-default"));
        ClientModel vigilOverride = client("d-vigil", true, true, Map.of("browser", "vigil-browser", "direct_grant", "vigil-grant"));
        ClientModel disabled = client("e-off", true, true, Map.of("browser", "keycloak-default"));
        when(disabled.isEnabled()).thenReturn(false);
        ClientModel device = client("f-tv", false, false, Map.of("browser", "keycloak-default"));
        when(device.getAttribute("oauth2.device.authorization.grant.enabled")).thenReturn("true");
        ClientModel ciba = client("g-ciba", false, false, Map.of());
        when(ciba.getAttribute("oidc.ciba.grant.enabled")).thenReturn("true");
        when(realm.getClientsStream()).thenAnswer(call -> Stream.of(ciba, device, browserOverride, grantOverride,
                unusedOverride, vigilOverride, disabled));

        assertThat(DoorAudit.uncoveredDoors(session, realm)).containsExactly("client a-cli (direct grant flow override)",
                "client b-app (browser flow override)", "client f-tv (browser flow override)", "client g-ciba (CIBA grant)");
    }

    @Test
    void aDisabledStepDoesNotCount() {
        flows.put("vigil-grant", List.of(step(VigilSteps.CONSENT), disabled(step(VigilSteps.RISK))));

        assertThat(DoorAudit.uncoveredDoors(session, realm)).containsExactly("direct grant");
    }

    @Test
    void resetCredentialsIsNoDoorWhenTheRealmDoesNotAllowIt() {
        bind("vigil-browser", "vigil-grant", "keycloak-default");
        when(realm.isResetPasswordAllowed()).thenReturn(false);

        assertThat(DoorAudit.uncoveredDoors(session, realm)).isEmpty();
    }

    @Test
    void anEnabledIdentityProviderNeedsAPostLoginFlowWithVigilsSteps() {
        IdentityProviderModel bare = provider("bare", null, true);
        IdentityProviderModel covered = provider("covered", "vigil-forms", true);
        IdentityProviderModel off = provider("off", null, false);
        when(identityProviders.getAllStream()).thenAnswer(call -> Stream.of(bare, covered, off));

        assertThat(DoorAudit.uncoveredDoors(session, realm)).containsExactly("identity provider bare (post login flow)");
    }

    private void bind(String browser, String directGrant, String reset) {
        when(realm.getBrowserFlow()).thenReturn(flow(browser));
        when(realm.getDirectGrantFlow()).thenReturn(flow(directGrant));
        when(realm.getResetCredentialsFlow()).thenReturn(flow(reset));
    }

    private static AuthenticationFlowModel flow(String id) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId(id);
        return flow;
    }

    private static AuthenticationExecutionModel step(String authenticator) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticator(authenticator);
        execution.setRequirement(Requirement.REQUIRED);
        return execution;
    }

    private static AuthenticationExecutionModel subFlow(String flowId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(flowId);
        execution.setRequirement(Requirement.ALTERNATIVE);
        return execution;
    }

    private static AuthenticationExecutionModel disabled(AuthenticationExecutionModel execution) {
        execution.setRequirement(Requirement.DISABLED);
        return execution;
    }

    private static ClientModel client(String clientId, boolean browser, boolean directGrant, Map<String, String> overrides) {
        ClientModel client = mock(ClientModel.class);
        when(client.getClientId()).thenReturn(clientId);
        when(client.isEnabled()).thenReturn(true);
        when(client.isStandardFlowEnabled()).thenReturn(browser);
        when(client.isDirectAccessGrantsEnabled()).thenReturn(directGrant);
        when(client.getAuthenticationFlowBindingOverrides()).thenReturn(overrides);
        return client;
    }

    private static ClientProfileRepresentation profile(String name, String executorId) {
        ClientPolicyExecutorRepresentation executor = new ClientPolicyExecutorRepresentation();
        executor.setExecutorProviderId(executorId);
        ClientProfileRepresentation profile = new ClientProfileRepresentation();
        profile.setName(name);
        profile.setExecutors(List.of(executor));
        return profile;
    }

    private static ClientProfilesRepresentation profiles(ClientProfileRepresentation... profiles) {
        ClientProfilesRepresentation representation = new ClientProfilesRepresentation();
        representation.setProfiles(List.of(profiles));
        return representation;
    }

    private static ClientPolicyRepresentation policy(boolean enabled, String... profiles) {
        ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
        policy.setEnabled(enabled);
        policy.setProfiles(List.of(profiles));
        return policy;
    }

    private static ClientPoliciesRepresentation policies(ClientPolicyRepresentation... policies) {
        ClientPoliciesRepresentation representation = new ClientPoliciesRepresentation();
        representation.setPolicies(List.of(policies));
        return representation;
    }

    private static IdentityProviderModel provider(String alias, String postLoginFlowId, boolean enabled) {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias(alias);
        provider.setPostBrokerLoginFlowId(postLoginFlowId);
        provider.setEnabled(enabled);
        return provider;
    }
}
