package dev.vigil.otp.enrollment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import dev.vigil.otp.enrollment.EmailChangeGuard.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class UpdateEmailWithProofActionTest {

    @Mock
    private UpdateEmail keycloak;
    @Mock
    private EmailChangeGuard guard;
    @Mock
    private RequiredActionContext context;

    private UpdateEmailWithProofAction action;

    @BeforeEach
    void setUp() {
        action = new UpdateEmailWithProofAction(keycloak, guard);
    }

    @Test
    void whileTheGuardAnswersKeycloakNeitherShowsItsFormNorChangesTheAddress() {
        given(guard.check(context)).willReturn(Outcome.ANSWERED);

        action.requiredActionChallenge(context);
        action.processAction(context);

        then(keycloak).should(never()).requiredActionChallenge(any());
        then(keycloak).should(never()).processAction(any());
    }

    @Test
    void theRightCodeOpensKeycloaksFormWithoutChangingAnythingYet() {
        given(guard.check(context)).willReturn(Outcome.PROVEN_NOW);

        action.processAction(context);

        then(keycloak).should().requiredActionChallenge(context);
        then(keycloak).should(never()).processAction(any());
    }

    @Test
    void onceClearedItIsKeycloaksAction() {
        given(guard.check(context)).willReturn(Outcome.CLEARED);

        action.requiredActionChallenge(context);
        action.processAction(context);

        then(keycloak).should().requiredActionChallenge(context);
        then(keycloak).should().processAction(context);
    }
}
