package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;

import dev.vigil.api.flow.CurrentTermsNote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

class LoginFormFingerprintTest {

    private static final String HASH = "LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE";

    @Nested
    class AValueIsUsedOnlyWhenWellFormed {

        @Test
        void oneSha256InBase64url() {
            assertThat(LoginFormFingerprint.wellFormed(List.of(HASH))).contains(HASH);
        }

        @Test
        void notMalformedOversizedEmptyOrRepeated() {
            assertThat(LoginFormFingerprint.wellFormed(List.of("not a fingerprint"))).isEmpty();
            assertThat(LoginFormFingerprint.wellFormed(List.of(HASH + HASH))).isEmpty();
            assertThat(LoginFormFingerprint.wellFormed(List.of(HASH + "="))).isEmpty();
            assertThat(LoginFormFingerprint.wellFormed(List.of(""))).isEmpty();
            assertThat(LoginFormFingerprint.wellFormed(List.of(HASH, HASH))).isEmpty();
            assertThat(LoginFormFingerprint.wellFormed(List.of())).isEmpty();
            assertThat(LoginFormFingerprint.wellFormed(null)).isEmpty();
        }
    }

    @Nested
    class AValueIsUsedOnlyFromAUserWithCurrentConsent {

        private final Map<String, String> notes = new HashMap<>();
        private final MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
        private final HttpRequest request = mock(HttpRequest.class);
        private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
        private final UserModel alice = user("alice-id");

        @BeforeEach
        void aPasswordPostCarryingTheField() {
            doAnswer(call -> notes.put(call.getArgument(0), call.getArgument(1)))
                    .when(authSession).setAuthNote(anyString(), anyString());
            when(authSession.getAuthNote(anyString())).thenAnswer(call -> notes.get(call.<String>getArgument(0)));
            when(request.getHttpMethod()).thenReturn("POST");
            when(request.getDecodedFormParameters()).thenReturn(form);
            when(context.getHttpRequest()).thenReturn(request);
            when(context.getAuthenticationSession()).thenReturn(authSession);
            when(context.getUser()).thenReturn(alice);
            form.add(LoginFormFingerprint.FIELD, HASH);
        }

        @Test
        void theConsentGateSawTheirConsent() {
            CurrentTermsNote.mark(authSession, alice);

            assertThat(LoginFormFingerprint.carried(context)).contains(HASH);
        }

        @Test
        void notWhenTheConsentGateSawNone() {
            assertThat(LoginFormFingerprint.carried(context)).isEmpty();
        }

        @Test
        void notWhenTheGateVouchedForAnotherUser() {
            CurrentTermsNote.mark(authSession, user("bob-id"));

            assertThat(LoginFormFingerprint.carried(context)).isEmpty();
        }

        @Test
        void notFromAnythingButAPost() {
            CurrentTermsNote.mark(authSession, alice);
            when(request.getHttpMethod()).thenReturn("GET");

            assertThat(LoginFormFingerprint.carried(context)).isEmpty();
        }

        @Test
        void notWhenTheFormHasNoSuchField() {
            CurrentTermsNote.mark(authSession, alice);
            form.remove(LoginFormFingerprint.FIELD);

            assertThat(LoginFormFingerprint.carried(context)).isEmpty();
        }

        private static UserModel user(String id) {
            UserModel user = mock(UserModel.class);
            when(user.getId()).thenReturn(id);
            return user;
        }
    }
}
