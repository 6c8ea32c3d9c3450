package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.otp.flow.Destination;
import dev.vigil.otp.flow.OtpEvents;
import dev.vigil.otp.flow.OtpExchange;
import dev.vigil.otp.flow.OtpPage;
import dev.vigil.otp.flow.UserFactors;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * What stands before a required action that changes the user's e-mail address, a second factor once verified: the
 * {@link EnrolmentGate} of this request, and the code to a factor the user already has when it asks for one.
 */
final class EmailChangeGuard {

    /** What the action may do with the request once the guard has looked at it. */
    enum Outcome {
        /** The change may go on: Keycloak's action takes the request. */
        CLEARED,
        /** This request was the right proof code: the action shows its form, which the next request posts. */
        PROVEN_NOW,
        /** The guard answered the request (code page, refusal, settings error). */
        ANSWERED;

        /** Keycloak's action processes a cleared post; after the right proof code it shows its form again. */
        void proceed(RequiredActionContext context, RequiredActionProvider keycloak) {
            switch (this) {
                case CLEARED -> keycloak.processAction(context);
                case PROVEN_NOW -> keycloak.requiredActionChallenge(context);
                case ANSWERED -> {
                }
            }
        }
    }

    private final FactorProofStep proof;

    EmailChangeGuard(FactorProofStep proof) {
        this.proof = proof;
    }

    /** The guard of the required action {@code actionId}, with the realm's OTP channel and limits. */
    static EmailChangeGuard of(String actionId) {
        return new EmailChangeGuard(new FactorProofStep(Clock.systemUTC(), new SecureRandom(), actionId));
    }

    Outcome check(RequiredActionContext context) {
        Optional<OtpExchange> opened = proof.open(context);
        if (opened.isEmpty()) {
            return Outcome.ANSWERED;
        }
        OtpExchange exchange = opened.get();
        EnrolmentGate gate = FactorChangeGate.of(context, exchange.config());
        switch (gate) {
            case REFUSED_HIGH_RISK:
                return refuse(context, "vigil_risk_high", "vigilEmailChangeRefusedRisk");
            case REFUSED_NO_FACTOR:
                return refuse(context, "vigil_no_verified_factor", "vigilEmailChangeRefusedNoFactor");
            case PROVE_EXISTING_FACTOR:
                return prove(context, exchange);
            default:
                context.getEvent().detail(FactorChangeGate.BASIS, gate.basis());
                return Outcome.CLEARED;
        }
    }

    /** Whether a post answers the code page rather than the action's own form. */
    static boolean isProofPost(MultivaluedMap<String, String> form) {
        return form.containsKey(OtpPage.CODE) || form.containsKey(OtpPage.RESEND);
    }

    private Outcome prove(RequiredActionContext context, OtpExchange exchange) {
        // The gate asks for a proof only when the user has a factor a code can go to.
        Destination existing = UserFactors.preferred(context.getUser(), exchange.config()).orElseThrow();
        if (HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            if (isProofPost(form)) {
                return proof.proven(context, exchange, existing, form) ? Outcome.PROVEN_NOW : Outcome.ANSWERED;
            }
        }
        context.challenge(proof.page(context, exchange, existing));
        return Outcome.ANSWERED;
    }

    private static Outcome refuse(RequiredActionContext context, String error, String message) {
        OtpEvents.emailChangeRefused(context.getEvent(), context.getUser(), error);
        context.challenge(context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN));
        return Outcome.ANSWERED;
    }
}
