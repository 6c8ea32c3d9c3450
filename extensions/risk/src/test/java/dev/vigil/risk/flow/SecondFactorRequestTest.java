package dev.vigil.risk.flow;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

class SecondFactorRequestTest {

    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);

    @Test
    void raisesTheRequestedLevelKeycloaksConditionsReadAndPasses() {
        given(context.getAuthenticationSession()).willReturn(authSession);
        given(authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION)).willReturn("1");

        SecondFactorRequest.SINGLETON.authenticate(context);

        verify(authSession).setClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, "2");
        verify(context).success();
    }
}
