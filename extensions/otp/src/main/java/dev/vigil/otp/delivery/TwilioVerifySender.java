package dev.vigil.otp.delivery;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.rest.verify.v2.service.Verification;
import com.twilio.rest.verify.v2.service.VerificationCheck;

/**
 * Twilio Verify: Twilio generates the code, writes the SMS in the user's language, checks the code and
 * applies its Fraud Guard. Vigil's own limits still apply on top.
 */
public class TwilioVerifySender implements CodeCheckingSender {

    /** Verify answers 404 when no pending verification exists (expired, approved, or too many checks). */
    private static final int NO_PENDING_VERIFICATION = 20404;

    private final TwilioConnection connection;

    TwilioVerifySender(TwilioConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(OtpMessage message, DeliverySettings settings) throws OtpDeliveryException {
        if (message.channel() != OtpChannel.SMS) {
            throw new OtpDeliveryException("Vigil uses Twilio Verify for SMS only", OtpDeliveryException.CONFIGURATION, null);
        }
        try {
            Verification.creator(serviceSid(settings), message.recipient(), "sms")
                    .setLocale(message.locale().getLanguage())
                    .create(connection.client(settings));
        } catch (TwilioException e) {
            throw TwilioFailures.of("verification to " + RecipientMask.mask(message.recipient()), e);
        }
    }

    @Override
    public boolean check(String recipient, String code, DeliverySettings settings) throws OtpDeliveryException {
        try {
            VerificationCheck check = VerificationCheck.creator(serviceSid(settings))
                    .setTo(recipient)
                    .setCode(code)
                    .create(connection.client(settings));
            return "approved".equals(check.getStatus());
        } catch (ApiException e) {
            if (e.getCode() != null && e.getCode() == NO_PENDING_VERIFICATION) {
                return false;
            }
            throw TwilioFailures.of("verification check for " + RecipientMask.mask(recipient), e);
        } catch (TwilioException e) {
            throw TwilioFailures.of("verification check for " + RecipientMask.mask(recipient), e);
        }
    }

    private static String serviceSid(DeliverySettings settings) throws OtpDeliveryException {
        if (settings.verifyServiceSid().isBlank()) {
            throw new OtpDeliveryException("no Twilio Verify Service SID configured", OtpDeliveryException.CONFIGURATION, null);
        }
        return settings.verifyServiceSid();
    }
}
