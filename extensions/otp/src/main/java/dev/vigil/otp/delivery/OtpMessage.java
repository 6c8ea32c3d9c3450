package dev.vigil.otp.delivery;

import java.util.Locale;
import java.util.Objects;

/**
 * One message carrying a one-time code to a user.
 *
 * @param realm     name of the realm the login belongs to
 * @param channel   how the message travels
 * @param recipient E.164 phone number or e-mail address
 * @param subject   e-mail subject (unused by SMS)
 * @param body      the full text, code included: it must never be logged
 * @param locale    the user's language (Twilio Verify writes its own text in it)
 */
public record OtpMessage(String realm, OtpChannel channel, String recipient, String subject, String body, Locale locale) {

    public OtpMessage {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(locale, "locale");
    }

    /** Keeps the code out of stack traces and debug output. */
    @Override
    public String toString() {
        return "OtpMessage[realm=" + realm + ", channel=" + channel + ", recipient="
                + RecipientMask.mask(recipient) + "]";
    }
}
