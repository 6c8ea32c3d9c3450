package dev.vigil.otp.flow;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import dev.vigil.otp.code.CodeAlphabet;
import dev.vigil.otp.delivery.OtpChannel;
import dev.vigil.otp.limits.SendLimit;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** The code page ({@code vigil-otp.ftl}), shared by sign-in and phone enrolment. */
public final class OtpPage {

    public static final String TEMPLATE = "vigil-otp.ftl";
    public static final String CODE = "code";
    public static final String RESEND = "resend";
    public static final String EMAIL = "email";

    /** Messages for each delivery failure: Twilio's error codes the user can act on, then the rest. */
    private static final Map<String, String> DELIVERY_MESSAGES = Map.of(
            "21211", "vigilOtpNumberRefused",
            "21614", "vigilOtpNumberRefused",
            "21408", "vigilOtpNumberRefused",
            "21610", "vigilOtpUnsubscribed",
            "20429", "vigilOtpProviderBusy",
            "60203", "vigilOtpProviderBusy");

    private OtpPage() {
    }

    /** Why the code is asked: it sets the page's title, and whether another number may be chosen. */
    public enum Purpose {
        SIGN_IN("sign-in"),
        /** Before a second-factor change: a code to the factor the user already has. */
        PROOF("proof"),
        /** The code to the number being registered. */
        NEW_PHONE("new-phone");

        private final String template;

        Purpose(String template) {
            this.template = template;
        }
    }

    public static Response render(LoginFormsProvider form, OtpExchange exchange, Purpose purpose, boolean emailOffered) {
        OtpConfig config = exchange.config();
        return form
                .setAttribute("vigilOtpPurpose", purpose.template)
                .setAttribute("vigilOtpDestination", exchange.maskedDestination() == null ? "" : exchange.maskedDestination())
                .setAttribute("vigilOtpByEmail", exchange.currentChannel().orElse(OtpChannel.SMS) == OtpChannel.EMAIL)
                .setAttribute("vigilOtpResendIn", exchange.secondsBeforeResend())
                .setAttribute("vigilOtpEmailOffered", emailOffered)
                .setAttribute("vigilOtpCodeLength", config.codeLength())
                .setAttribute("vigilOtpNumeric", config.alphabet() == CodeAlphabet.DIGITS)
                .setAttribute("vigilOtpLifetimeMinutes", Math.max(1, Math.round(config.lifetime().toSeconds() / 60.0)))
                .createForm(TEMPLATE);
    }

    /** The page after a send: plain when sent, else with what went wrong. */
    public static Response afterSend(LoginFormsProvider form, OtpExchange exchange, SendOutcome outcome,
                                     Purpose purpose, boolean emailOffered) {
        sendError(outcome, exchange).ifPresent(form::addError);
        return render(form, exchange, purpose, emailOffered);
    }

    /** Why a code was not sent, for the user: one message for every limit but the cooldown. */
    public static Optional<FormMessage> sendError(SendOutcome outcome, OtpExchange exchange) {
        if (outcome instanceof SendOutcome.Limited limited) {
            return Optional.of(limited.limit() == SendLimit.COOLDOWN
                    ? new FormMessage(CODE, "vigilOtpCooldown", exchange.secondsBeforeResend())
                    : new FormMessage(CODE, "vigilOtpSendLimited"));
        }
        if (outcome instanceof SendOutcome.CountryRefused) {
            return Optional.of(new FormMessage(CODE, "vigilPhoneCountryNotAllowed"));
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return Optional.of(new FormMessage(CODE, deliveryMessage(failed.errorCode())));
        }
        return Optional.empty();
    }

    /** The page after a code that was not accepted, saying why without saying which part was wrong. */
    public static Response afterCheck(LoginFormsProvider form, OtpExchange exchange, CheckOutcome outcome,
                                      Purpose purpose, boolean emailOffered) {
        String message;
        if (outcome instanceof CheckOutcome.Missing) {
            message = "vigilOtpMissing";
        } else if (outcome instanceof CheckOutcome.NoCode) {
            message = "vigilOtpExpired";
        } else if (outcome instanceof CheckOutcome.Spent) {
            message = "vigilOtpSpent";
        } else if (outcome instanceof CheckOutcome.Unavailable unavailable) {
            message = deliveryMessage(unavailable.errorCode());
        } else {
            message = "vigilOtpInvalid";
        }
        form.addError(new FormMessage(CODE, message));
        return render(form, exchange, purpose, emailOffered);
    }

    static String deliveryMessage(String errorCode) {
        return DELIVERY_MESSAGES.getOrDefault(errorCode, "vigilOtpProviderUnavailable");
    }
}
