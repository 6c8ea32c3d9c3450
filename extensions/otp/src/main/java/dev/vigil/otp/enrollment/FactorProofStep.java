package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.otp.flow.CheckOutcome;
import dev.vigil.otp.flow.Destination;
import dev.vigil.otp.flow.FactorProof;
import dev.vigil.otp.flow.OtpEvents;
import dev.vigil.otp.flow.OtpExchange;
import dev.vigil.otp.flow.OtpPage;
import dev.vigil.otp.flow.OtpPage.Purpose;
import dev.vigil.otp.flow.RealmOtpSettings;
import dev.vigil.otp.flow.SendOutcome;
import org.keycloak.authentication.RequiredActionContext;

/**
 * The step a required action runs before it changes the second factor (a new, replaced or removed phone, another
 * e-mail address): a code to a factor the user already has, typed in this same authentication, which then carries
 * {@link FactorProof}.
 * Channel and limits are those of the realm's Vigil OTP step.
 */
final class FactorProofStep {

    private final Clock clock;
    private final SecureRandom random;
    private final String actionId;

    /** @param actionId the required action whose settings problems are reported */
    FactorProofStep(Clock clock, SecureRandom random, String actionId) {
        this.clock = clock;
        this.random = random;
        this.actionId = actionId;
    }

    /** The exchange with the realm's OTP settings; empty, with the page already shown, when a stored one is out of range. */
    Optional<OtpExchange> open(RequiredActionContext context) {
        try {
            return Optional.of(new OtpExchange(context.getSession(), context.getRealm(), context.getUser(),
                    context.getAuthenticationSession(), RealmOtpSettings.of(context.getRealm()), clock, random));
        } catch (InvalidSetting bad) {
            BadSettings.report(context.getSession(), context.getRealm(), actionId, bad);
            context.challenge(context.form().setError("vigilOtpMisconfigured").createErrorPage(BadSettings.PAGE_STATUS));
            return Optional.empty();
        }
    }

    /** The code page for {@code existing}: a live code is shown again, else one is sent. */
    Response page(RequiredActionContext context, OtpExchange exchange, Destination existing) {
        if (exchange.hasLiveCode()) {
            return OtpPage.render(context.form(), exchange, Purpose.PROOF, false);
        }
        return send(context, exchange, existing);
    }

    /**
     * Answers a post of the code page. True once the right code to {@code existing} was typed: the proof is marked
     * and the caller shows what comes next; otherwise this step has shown its page (again, with what went wrong).
     */
    boolean proven(RequiredActionContext context, OtpExchange exchange, Destination existing, MultivaluedMap<String, String> form) {
        if (form.containsKey(OtpPage.RESEND)) {
            context.challenge(send(context, exchange, existing));
            return false;
        }
        CheckOutcome outcome = exchange.check(form.getFirst(OtpPage.CODE));
        OtpEvents.checked(context.getEvent(), context.getUser(), outcome);
        if (outcome instanceof CheckOutcome.Accepted accepted && accepted.destination().equals(existing.address())) {
            FactorProof.mark(context.getAuthenticationSession());
            return true;
        }
        context.challenge(outcome instanceof CheckOutcome.Locked ? lockedPage(context)
                : OtpPage.afterCheck(context.form(), exchange, outcome, Purpose.PROOF, false));
        return false;
    }

    static Response lockedPage(RequiredActionContext context) {
        return context.form().setError("vigilOtpLocked").createErrorPage(Response.Status.TOO_MANY_REQUESTS);
    }

    private static Response send(RequiredActionContext context, OtpExchange exchange, Destination existing) {
        SendOutcome outcome = exchange.send(existing, context.getConnection().getRemoteAddr());
        OtpEvents.sent(context.getEvent(), context.getUser(), outcome);
        return OtpPage.afterSend(context.form(), exchange, outcome, Purpose.PROOF, false);
    }
}
