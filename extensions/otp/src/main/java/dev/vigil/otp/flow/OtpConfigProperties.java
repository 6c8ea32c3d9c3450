package dev.vigil.otp.flow;

import static dev.vigil.otp.flow.OtpConfig.*;

import java.util.List;

import dev.vigil.otp.phone.Countries;
import org.keycloak.models.Constants;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The Vigil OTP step's settings as the admin console shows them. */
final class OtpConfigProperties {

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(CHANNEL).label("Channel").type(ProviderConfigProperty.LIST_TYPE)
            .options("outbox", "twilio-messaging", "twilio-verify", "email").defaultValue("outbox")
            .helpText("How codes travel. outbox: development only, written to a file under the server's data folder"
                    + " (never reaches users); twilio-messaging: SMS from your number or Messaging Service;"
                    + " twilio-verify: Twilio generates and checks the code; email: every code by e-mail (realm SMTP).").add()
            .property().name(TWILIO_ACCOUNT_SID).label("Twilio Account SID").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("AC..., or ${vault.key}. Empty: the server's TWILIO_ACCOUNT_SID environment variable.").add()
            .property().name(TWILIO_AUTH_TOKEN).label("Twilio auth token (vault reference)").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Only a vault reference ${vault.key} is accepted, never the token itself. Empty: TWILIO_AUTH_TOKEN.").add()
            .property().name(TWILIO_API_KEY_SID).label("Twilio API key SID").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("SK..., used instead of the auth token when set with its secret. Empty: TWILIO_API_KEY.").add()
            .property().name(TWILIO_API_KEY_SECRET).label("Twilio API key secret (vault reference)").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Only a vault reference ${vault.key}. Empty: TWILIO_API_SECRET.").add()
            .property().name(TWILIO_FROM).label("Twilio sender number").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("E.164 number or alphanumeric sender id, for twilio-messaging without a Messaging Service.").add()
            .property().name(TWILIO_MESSAGING_SERVICE_SID).label("Twilio Messaging Service SID").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("MG...: preferred over the sender number.").add()
            .property().name(TWILIO_VERIFY_SERVICE_SID).label("Twilio Verify Service SID").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("VA..., for twilio-verify.").add()
            .property().name(CODE_LENGTH).label("Code length").type(ProviderConfigProperty.STRING_TYPE).defaultValue("6")
            .helpText("6 to 10 characters.").add()
            .property().name(CODE_ALPHABET).label("Code characters").type(ProviderConfigProperty.LIST_TYPE)
            .options("digits", "alphanumeric").defaultValue("digits")
            .helpText("Digits, or upper-case letters and digits without look-alikes (not with twilio-verify).").add()
            .property().name(CODE_LIFETIME_SECONDS).label("Code lifetime (seconds)").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("300").helpText("How long a code works: " + MIN_LIFETIME_SECONDS + " to " + MAX_LIFETIME_SECONDS
                    + " seconds (NIST SP 800-63B: at most 10 minutes).").add()
            .property().name(MAX_CHECKS_PER_CODE).label("Attempts per code").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("5").helpText("Codes a user may type for one sent code; then a new code must be sent.").add()
            .property().name(MAX_FAILURES_PER_USER_HOUR).label("Wrong codes per user per hour").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("10").helpText("Across codes and sessions (resending does not reset it); past it the step fails.").add()
            .property().name(RESEND_COOLDOWN_SECONDS).label("Resend cooldown (seconds)").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("30").helpText("Time between two codes to the same destination.").add()
            .property().name(MAX_SENDS_PER_DESTINATION_HOUR).label("Codes per phone number (or address) per hour")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("3").add()
            .property().name(MAX_SENDS_PER_USER_HOUR).label("Codes per user per hour")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("10")
            .helpText("1 to 1000, across numbers, addresses and sessions (sign-in and phone enrolment); never more than"
                    + " half the codes per realm per minute, so one account cannot block everyone else's codes.").add()
            .property().name(MAX_SENDS_PER_SESSION).label("Codes per sign-in session")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("5")
            .helpText("1 to 100, across numbers and addresses, in one sign-in (all its browser tabs).").add()
            .property().name(MAX_SENDS_PER_IP_HOUR).label("Codes per client IP address per hour")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("10").add()
            .property().name(MAX_SENDS_PER_REALM_MINUTE).label("Codes per realm per minute")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("20").add()
            .property().name(ALLOWED_COUNTRIES).label("Allowed countries").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .defaultValue(String.join(Constants.CFG_DELIMITER, Countries.DEFAULT_ALLOWED))
            .helpText("ISO 3166 codes of the countries codes may be sent to (default: EEA, CH, GB, US, CA); * for any.").add()
            .property().name(DEFAULT_REGION).label("Default region").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("ISO 3166 code for numbers typed without +country code (e.g. FR). Empty: users type +country code.").add()
            .property().name(EMAIL_ALLOWED).label("E-mail allowed").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
            .helpText("Codes may go by e-mail: to users without a phone, and to those who ask (e.g. when SMS fails).").add()
            .build();

    private OtpConfigProperties() {
    }
}
