package dev.vigil.otp.enrollment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import jakarta.ws.rs.core.MultivaluedHashMap;

import dev.vigil.otp.enrollment.EmailChangeGuard.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateProfile;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.UserModel;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class UpdateProfileWithProofActionTest {

    @Mock
    private UpdateProfile keycloak;
    @Mock
    private EmailChangeGuard guard;
    @Mock
    private RequiredActionContext context;
    @Mock
    private HttpRequest request;
    @Mock
    private UserModel user;

    private final MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    private UpdateProfileWithProofAction action;

    @BeforeEach
    void setUp() {
        action = new UpdateProfileWithProofAction(keycloak, guard);
        given(context.getHttpRequest()).willReturn(request);
        given(request.getHttpMethod()).willReturn("POST");
        given(request.getDecodedFormParameters()).willReturn(form);
        given(context.getUser()).willReturn(user);
        given(user.getEmail()).willReturn("alice@example.com");
        given(guard.check(context)).willReturn(Outcome.ANSWERED);
    }

    @Test
    void theFormIsKeycloaksAndSoIsAPostThatKeepsTheAddress() {
        form.putSingle("email", "Alice@example.com");
        form.putSingle("firstName", "Alice");

        action.requiredActionChallenge(context);
        action.processAction(context);

        then(keycloak).should().requiredActionChallenge(context);
        then(keycloak).should().processAction(context);
        then(guard).shouldHaveNoInteractions();
    }

    @Test
    void aPostThatChangesTheAddressWaitsForTheGuard() {
        form.putSingle("email", "mallory@example.org");

        action.processAction(context);

        then(guard).should().check(context);
        then(keycloak).should(never()).processAction(any());
    }

    @Test
    void theRightCodeShowsTheProfileFormAgain() {
        form.putSingle("code", "123456");
        given(guard.check(context)).willReturn(Outcome.PROVEN_NOW);

        action.processAction(context);

        then(keycloak).should().requiredActionChallenge(context);
        then(keycloak).should(never()).processAction(any());
    }

    @Test
    void aClearedChangeIsSavedByKeycloak() {
        form.putSingle("email", "alice@new.example.com");
        given(guard.check(context)).willReturn(Outcome.CLEARED);

        action.processAction(context);

        then(keycloak).should().processAction(context);
    }
}
