package dev.vigil.otp.enrollment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.time.Clock;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

class PhoneEnrollmentActionTest {

    private final PhoneEnrollmentAction action = new PhoneEnrollmentAction(Clock.systemUTC(), new SecureRandom());
    private final RequiredActionContext context = mock(RequiredActionContext.class);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    private final LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final Response refusalPage = mock(Response.class);

    PhoneEnrollmentActionTest() {
        when(context.getAuthenticationSession()).thenReturn(authSession);
        when(context.form()).thenReturn(form);
        when(context.getEvent()).thenReturn(event);
        when(context.getUser()).thenReturn(mock(UserModel.class));
        when(event.clone()).thenReturn(event);
        when(form.createErrorPage(Response.Status.FORBIDDEN)).thenReturn(refusalPage);
    }

    @Nested
    class WhenTheRiskStepJudgedTheSessionHigh {

        WhenTheRiskStepJudgedTheSessionHigh() {
            when(authSession.getAuthNote(PhoneEnrollmentAction.RISK_LEVEL_NOTE)).thenReturn("HIGH");
        }

        @Test
        void theEnrolmentPageIsARefusal() {
            action.requiredActionChallenge(context);

            verify(form).setError("vigilPhoneEnrolmentRefusedRisk");
            verify(context).challenge(refusalPage);
            verify(event).error("vigil_risk_high");
        }

        @Test
        void aPostedNumberIsNotEvenRead() {
            action.processAction(context);

            verify(context).challenge(refusalPage);
            verify(context, never()).getHttpRequest();
            verify(authSession, never()).setAuthNote(anyString(), any());
        }
    }

    @Test
    void otherLevelsShowThePhonePage() {
        when(authSession.getAuthNote(PhoneEnrollmentAction.RISK_LEVEL_NOTE)).thenReturn("MEDIUM");
        when(context.getRealm()).thenReturn(mock(org.keycloak.models.RealmModel.class));
        when(context.getUser().credentialManager()).thenReturn(mock(org.keycloak.models.SubjectCredentialManager.class));
        Response phonePage = mock(Response.class);
        when(form.createForm(PhoneEnrollmentAction.TEMPLATE)).thenReturn(phonePage);

        action.requiredActionChallenge(context);

        verify(context).challenge(phonePage);
        verify(context, never()).challenge(refusalPage);
    }
}
