package dev.vigil.otp.enrollment;

import java.util.Arrays;

import dev.vigil.otp.flow.FactorProof;
import dev.vigil.otp.flow.OtpConfig;
import dev.vigil.otp.flow.UserFactors;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The {@link EnrolmentGate} of one request that would change a second factor, read from Keycloak's sessions. */
final class FactorChangeGate {

    /** Written by the risk extension in the authentication session and the user session; read through Keycloak's model only. */
    static final String RISK_LEVEL_NOTE = "vigil.risk.level";
    /** Event detail: what let the change through, {@link EnrolmentGate#basis()}. */
    static final String BASIS = "vigil_enrolment_basis";

    private FactorChangeGate() {
    }

    /**
     * The risk level is read from this login's authentication session and from the SSO session it joins (whose id
     * Keycloak gives its authentication sessions), so another tab or a later authorization of a session once judged
     * HIGH stays HIGH.
     */
    static EnrolmentGate of(RequiredActionContext context, OtpConfig config) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserSessionModel ssoSession = context.getSession().sessions()
                .getUserSession(context.getRealm(), authSession.getParentSession().getId());
        return EnrolmentGate.decide(
                Arrays.asList(authSession.getAuthNote(RISK_LEVEL_NOTE), ssoSession == null ? null : ssoSession.getNote(RISK_LEVEL_NOTE)),
                UserFactors.preferred(context.getUser(), config).isPresent(),
                FactorProof.isMarked(authSession));
    }
}
