package dev.vigil.otp.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.otp.enrollment.EmailChangeGuard.Outcome;
import dev.vigil.otp.flow.Destination;
import dev.vigil.otp.flow.OtpConfig;
import dev.vigil.otp.flow.OtpExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

class EmailChangeGuardTest {

    private final FactorProofStep proof = mock(FactorProofStep.class);
    private final RequiredActionContext context = mock(RequiredActionContext.class, RETURNS_DEEP_STUBS);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class, RETURNS_DEEP_STUBS);
    private final UserSessionModel ssoSession = mock(UserSessionModel.class);
    private final UserModel user = mock(UserModel.class, RETURNS_DEEP_STUBS);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_DEEP_STUBS);
    private final OtpExchange exchange = mock(OtpExchange.class);
    private final MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    private final Response proofPage = mock(Response.class);

    private final EmailChangeGuard guard = new EmailChangeGuard(proof);

    @BeforeEach
    void setUp() {
        given(proof.open(context)).willReturn(Optional.of(exchange));
        given(exchange.config()).willReturn(OtpConfig.DEFAULTS);
        given(context.getAuthenticationSession()).willReturn(authSession);
        given(authSession.getParentSession().getId()).willReturn("sso");
        given(context.getSession().sessions().getUserSession(any(), eq("sso"))).willReturn(ssoSession);
        given(context.getUser()).willReturn(user);
        given(context.getEvent()).willReturn(event);
        given(context.getHttpRequest().getHttpMethod()).willReturn("GET");
        given(context.getHttpRequest().getDecodedFormParameters()).willReturn(form);
        given(user.credentialManager().getStoredCredentialsByTypeStream(anyString())).willAnswer(none -> Stream.empty());
        given(proof.page(any(), any(), any())).willReturn(proofPage);
    }

    @Test
    void aUserWithAVerifiedAddressGetsACodeThereBeforeAnyChange() {
        verifiedEmail();
        level("LOW");

        assertThat(guard.check(context)).isEqualTo(Outcome.ANSWERED);

        then(proof).should().page(context, exchange, Destination.email("alice@example.com"));
        then(context).should().challenge(proofPage);
    }

    @Test
    void theRightCodeProvesItAndTheActionShowsItsForm() {
        verifiedEmail();
        given(context.getHttpRequest().getHttpMethod()).willReturn("POST");
        form.putSingle("code", "123456");
        given(proof.proven(context, exchange, Destination.email("alice@example.com"), form)).willReturn(true);

        assertThat(guard.check(context)).isEqualTo(Outcome.PROVEN_NOW);
    }

    @Test
    void thePostedAddressFormWithoutACodeOnlyGetsTheCodePage() {
        verifiedEmail();
        given(context.getHttpRequest().getHttpMethod()).willReturn("POST");
        form.putSingle("email", "mallory@example.org");

        assertThat(guard.check(context)).isEqualTo(Outcome.ANSWERED);

        then(proof).should(never()).proven(any(), any(), any(), any());
        then(context).should().challenge(proofPage);
    }

    @Test
    void afterAProofInThisAuthenticationTheChangeGoesOnWithItsBasis() {
        verifiedEmail();
        given(authSession.getAuthNote("vigil.otp.factor-proven")).willReturn("true");

        assertThat(guard.check(context)).isEqualTo(Outcome.CLEARED);

        then(event).should().detail("vigil_enrolment_basis", "second_factor");
    }

    @Test
    void withoutAnyFactorOnlyALowLoginChangesItAndTheReasonIsRecorded() {
        level("LOW");

        assertThat(guard.check(context)).isEqualTo(Outcome.CLEARED);

        then(event).should().detail("vigil_enrolment_basis", "low_risk");
    }

    @Test
    void withoutAnyFactorAMediumLoginIsRefused() {
        level("MEDIUM");

        assertThat(guard.check(context)).isEqualTo(Outcome.ANSWERED);

        then(context.form()).should().setError("vigilEmailChangeRefusedNoFactor");
    }

    @Test
    void highInTheSsoSessionRefusesEvenAfterAProof() {
        verifiedEmail();
        given(authSession.getAuthNote("vigil.otp.factor-proven")).willReturn("true");
        given(ssoSession.getNote("vigil.risk.level")).willReturn("HIGH");

        assertThat(guard.check(context)).isEqualTo(Outcome.ANSWERED);

        then(context.form()).should().setError("vigilEmailChangeRefusedRisk");
        then(proof).should(never()).page(any(), any(), any());
    }

    private void verifiedEmail() {
        given(user.getEmail()).willReturn("alice@example.com");
        given(user.isEmailVerified()).willReturn(true);
    }

    private void level(String level) {
        given(authSession.getAuthNote("vigil.risk.level")).willReturn(level);
    }
}
