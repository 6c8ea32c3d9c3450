package dev.vigil.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.vigil.privacy.store.ConsentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.TokenManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenExchangeRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;

class CurrentTermsExecutorTest {

    private final Map<String, String> consentSettings = new HashMap<>(Map.of(ConsentConfig.TERMS_VERSION, "2027-03"));
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final ClientModel client = mock(ClientModel.class);
    private final ConsentStore consents = mock(ConsentStore.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final CurrentTermsExecutor executor = new CurrentTermsExecutor(session, ignored -> consents);

    @BeforeEach
    void aRealmWithAConsentStepAndAUserSignedInThroughAClient() {
        RealmWithConsentStep.stub(realm, consentSettings);
        when(user.getId()).thenReturn("user-id");
        when(client.getClientId()).thenReturn("shop");
    }

    @Test
    void aRefreshByAUserWhoHasNotAcceptedTheCurrentTermsIsRefusedAsAnInvalidGrant() {
        assertThatThrownBy(() -> executor.executeOnEvent(refresh()))
                .isInstanceOfSatisfying(ClientPolicyException.class, refused -> {
                    assertThat(refused.getError()).isEqualTo("invalid_grant");
                    assertThat(refused.getErrorDetail())
                            .isEqualTo("The current terms must be accepted in a new sign-in (vigil_consent_required)");
                });
    }

    @Test
    void aRefreshByAUserWhoAcceptedTheCurrentTermsPasses() {
        when(consents.hasActiveConsent("realm-id", "user-id", "2027-03")).thenReturn(true);

        assertThatCode(() -> executor.executeOnEvent(refresh())).doesNotThrowAnyException();
    }

    @Test
    void aClientTheConsentStepDoesNotAskForRefreshesFreely() {
        consentSettings.put(ConsentConfig.CLIENTS, "blog");

        assertThatCode(() -> executor.executeOnEvent(refresh())).doesNotThrowAnyException();
    }

    @Test
    void aRealmWithoutConsentStepHasNoTermsToHoldARefreshAt() {
        when(realm.getAuthenticationFlowsStream()).thenAnswer(call -> Stream.empty());

        assertThatCode(() -> executor.executeOnEvent(refresh())).doesNotThrowAnyException();
    }

    @Test
    void anExchangeOfTheUsersAccessTokenIsHeldAtTheTermsForTheRequestingClient() {
        AccessToken subject = new AccessToken();
        subject.subject("user-id");
        TokenManager tokens = mock(TokenManager.class);
        when(session.tokens()).thenReturn(tokens);
        when(tokens.decode("subject-token", AccessToken.class)).thenReturn(subject);
        UserProvider users = mock(UserProvider.class);
        when(session.users()).thenReturn(users);
        when(users.getUserById(realm, "user-id")).thenReturn(user);

        assertThatThrownBy(() -> executor.executeOnEvent(exchange("subject-token")))
                .isInstanceOfSatisfying(ClientPolicyException.class, refused -> assertThat(refused.getError()).isEqualTo("invalid_grant"));

        when(consents.hasActiveConsent("realm-id", "user-id", "2027-03")).thenReturn(true);
        assertThatCode(() -> executor.executeOnEvent(exchange("subject-token"))).doesNotThrowAnyException();
    }

    @Test
    void anExchangeWhoseSubjectTokenDoesNotVerifyIsLeftToKeycloak() {
        TokenManager tokens = mock(TokenManager.class);
        when(session.tokens()).thenReturn(tokens);

        assertThatCode(() -> executor.executeOnEvent(exchange("forged"))).doesNotThrowAnyException();
        assertThatCode(() -> executor.executeOnEvent(exchange(null))).doesNotThrowAnyException();
        verifyNoInteractions(consents);
    }

    @Test
    void otherEventsAreLeftAlone() {
        ClientPolicyContext tokenRequest = mock(ClientPolicyContext.class);
        when(tokenRequest.getEvent()).thenReturn(ClientPolicyEvent.TOKEN_REQUEST);

        assertThatCode(() -> executor.executeOnEvent(tokenRequest)).doesNotThrowAnyException();
        verifyNoInteractions(consents);
    }

    private TokenExchangeRequestContext exchange(String subjectToken) {
        TokenExchangeContext.Params params = mock(TokenExchangeContext.Params.class);
        when(params.getSubjectToken()).thenReturn(subjectToken);
        TokenExchangeContext request = mock(TokenExchangeContext.class);
        when(request.getParams()).thenReturn(params);
        when(request.getRealm()).thenReturn(realm);
        when(request.getClient()).thenReturn(client);
        TokenExchangeRequestContext context = mock(TokenExchangeRequestContext.class);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.TOKEN_EXCHANGE_REQUEST);
        when(context.getTokenExchangeContext()).thenReturn(request);
        return context;
    }

    private TokenRefreshResponseContext refresh() {
        UserSessionModel userSession = mock(UserSessionModel.class);
        when(userSession.getUser()).thenReturn(user);
        AuthenticatedClientSessionModel clientSession = mock(AuthenticatedClientSessionModel.class);
        when(clientSession.getRealm()).thenReturn(realm);
        when(clientSession.getClient()).thenReturn(client);
        when(clientSession.getUserSession()).thenReturn(userSession);
        TokenRefreshResponseContext context = mock(TokenRefreshResponseContext.class);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.TOKEN_REFRESH_RESPONSE);
        when(context.getClientSession()).thenReturn(clientSession);
        return context;
    }
}
