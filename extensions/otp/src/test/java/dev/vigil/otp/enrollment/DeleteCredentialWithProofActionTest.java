package dev.vigil.otp.enrollment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class DeleteCredentialWithProofActionTest {

    @Mock
    private DeleteCredentialAction keycloak;
    @Mock
    private FactorProofStep proof;
    @Mock
    private RequiredActionContext context;
    @Mock
    private KeycloakSession session;
    @Mock
    private AuthenticationSessionModel authSession;

    private DeleteCredentialWithProofAction action;

    @BeforeEach
    void setUp() {
        action = new DeleteCredentialWithProofAction(keycloak, proof);
        given(context.getSession()).willReturn(session);
        given(context.getAuthenticationSession()).willReturn(authSession);
        given(proof.open(context)).willReturn(Optional.empty());
    }

    @Test
    void anotherCredentialIsKeycloaksActionUnchanged() {
        given(keycloak.getCredentialType(session, authSession)).willReturn("otp");

        action.requiredActionChallenge(context);
        action.processAction(context);

        then(keycloak).should().requiredActionChallenge(context);
        then(keycloak).should().processAction(context);
        then(proof).shouldHaveNoInteractions();
    }

    @Test
    void thePhoneWithoutAProofInThisAuthenticationNeverReachesKeycloaksRemoval() {
        given(keycloak.getCredentialType(session, authSession)).willReturn("vigil-phone");

        action.requiredActionChallenge(context);
        action.processAction(context);

        then(proof).should(times(2)).open(context);
        then(keycloak).should(never()).processAction(any());
        then(keycloak).should(never()).requiredActionChallenge(any());
    }

    @Test
    void thePhoneAfterAFreshCodeInThisAuthenticationIsKeycloaksAction() {
        given(keycloak.getCredentialType(session, authSession)).willReturn("vigil-phone");
        given(authSession.getAuthNote(anyString())).willReturn("true");

        action.requiredActionChallenge(context);
        action.processAction(context);

        then(keycloak).should().requiredActionChallenge(context);
        then(keycloak).should().processAction(context);
        then(proof).shouldHaveNoInteractions();
    }
}
