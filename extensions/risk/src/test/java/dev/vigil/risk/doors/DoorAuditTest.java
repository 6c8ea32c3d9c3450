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
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

class DoorAuditTest {

    private final Map<String, List<AuthenticationExecutionModel>> flows = new HashMap<>();
    private final RealmModel realm = mock(RealmModel.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final IdentityProviderStorageProvider identityProviders = mock(IdentityProviderStorageProvider.class);

    @BeforeEach
    void aRealmLikeTheDemoRealm() {
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
    }

    @Test
    void aRealmWithVigilOnEveryDoorHasNoneUncovered() {
        assertThat(DoorAudit.uncoveredDoors(session, realm)).isEmpty();
    }

    @Test
    void keycloaksDefaultFlowsLeaveEveryDoorUncovered() {
        bind("keycloak-default", "keycloak-default", "keycloak-default");
        when(realm.getRequiredActionProviderByAlias(DoorAudit.CONSENT_CHECK)).thenReturn(null);

        assertThat(DoorAudit.uncoveredDoors(session, realm)).containsExactly("browser", "direct grant", "reset credentials",
                "single sign-on (required action vigil-consent-check not enabled)");
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

    private static IdentityProviderModel provider(String alias, String postLoginFlowId, boolean enabled) {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias(alias);
        provider.setPostBrokerLoginFlowId(postLoginFlowId);
        provider.setEnabled(enabled);
        return provider;
    }
}
