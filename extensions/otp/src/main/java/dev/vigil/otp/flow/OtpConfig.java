package dev.vigil.otp.flow;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.api.settings.SettingsReader;
import dev.vigil.otp.code.CodeAlphabet;
import dev.vigil.otp.code.CodeGenerator;
import dev.vigil.otp.delivery.OutboxSenderFactory;
import dev.vigil.otp.limits.LimitSettings;
import dev.vigil.otp.phone.Countries;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Typed reader of the Vigil OTP step's configuration (also the settings of phone enrolment), through Vigil's shared
 * {@link SettingsReader}: missing values take the defaults; a value out of range, or a Twilio secret typed in clear
 * rather than as a vault reference, is an {@link InvalidSetting} naming the setting and its range.
 *
 * @param channel             the {@code vigil-otp-sender} provider for SMS: outbox, twilio-messaging,
 *                            twilio-verify, or email (then every code goes by e-mail)
 * @param twilio              Twilio settings as configured (secrets as vault references)
 * @param codeLength          6 to 10
 * @param alphabet            digits or alphanumeric
 * @param lifetime            how long a code works, at most 10 minutes (NIST SP 800-63B)
 * @param limits              attempts, cooldown and sending limits
 * @param allowedCountries    regions that may receive codes; empty: any
 * @param defaultRegion       region of numbers typed without a country code; empty: "+" required
 * @param emailAllowed        whether codes may go by e-mail (no phone, user's choice, SMS failure)
 */
public record OtpConfig(String channel, TwilioConfig twilio, int codeLength, CodeAlphabet alphabet, Duration lifetime,
                        LimitSettings limits, Set<String> allowedCountries, String defaultRegion, boolean emailAllowed) {

    static final String CHANNEL = "channel";
    static final String TWILIO_ACCOUNT_SID = "twilioAccountSid";
    static final String TWILIO_AUTH_TOKEN = "twilioAuthToken";
    static final String TWILIO_API_KEY_SID = "twilioApiKeySid";
    static final String TWILIO_API_KEY_SECRET = "twilioApiKeySecret";
    static final String TWILIO_FROM = "twilioFrom";
    static final String TWILIO_MESSAGING_SERVICE_SID = "twilioMessagingServiceSid";
    static final String TWILIO_VERIFY_SERVICE_SID = "twilioVerifyServiceSid";
    static final String CODE_LENGTH = "codeLength";
    static final String CODE_ALPHABET = "codeAlphabet";
    static final String CODE_LIFETIME_SECONDS = "codeLifetimeSeconds";
    static final String MAX_CHECKS_PER_CODE = "maxAttemptsPerCode";
    static final String MAX_FAILURES_PER_USER_HOUR = "maxFailuresPerUserPerHour";
    static final String RESEND_COOLDOWN_SECONDS = "resendCooldownSeconds";
    static final String MAX_SENDS_PER_DESTINATION_HOUR = "maxSendsPerPhonePerHour";
    static final String MAX_SENDS_PER_USER_HOUR = "maxSendsPerUserPerHour";
    static final String MAX_SENDS_PER_SESSION = "maxSendsPerSession";
    static final String MAX_SENDS_PER_IP_HOUR = "maxSendsPerIpPerHour";
    static final String MAX_SENDS_PER_REALM_MINUTE = "maxSendsPerRealmPerMinute";
    static final String ALLOWED_COUNTRIES = "allowedCountries";
    static final String DEFAULT_REGION = "defaultRegion";
    static final String EMAIL_ALLOWED = "emailFallback";

    static final String ANY_COUNTRY = "*";
    static final int MAX_LIFETIME_SECONDS = 600;
    static final int MIN_LIFETIME_SECONDS = 10;
    static final List<String> CHANNELS = List.of(OutboxSenderFactory.ID, "twilio-messaging", "twilio-verify", "email");
    static final List<String> ALPHABETS = List.of("digits", "alphanumeric");
    /** SIDs are 34 characters; a vault reference may be longer. */
    private static final int MAX_SID = 256;
    /** More than there are countries. */
    private static final int MAX_COUNTRIES = 300;

    public static final OtpConfig DEFAULTS = from(Map.of());

    public static OtpConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    /** @throws InvalidSetting naming the first setting out of its range */
    public static OtpConfig from(Map<String, String> raw) {
        SettingsReader config = SettingsReader.of(raw);
        return new OtpConfig(
                config.option(CHANNEL, OutboxSenderFactory.ID, CHANNELS),
                new TwilioConfig(config.text(TWILIO_ACCOUNT_SID, "", MAX_SID), config.vaultReference(TWILIO_AUTH_TOKEN),
                        config.text(TWILIO_API_KEY_SID, "", MAX_SID), config.vaultReference(TWILIO_API_KEY_SECRET),
                        config.text(TWILIO_FROM, "", MAX_SID), config.text(TWILIO_MESSAGING_SERVICE_SID, "", MAX_SID),
                        config.text(TWILIO_VERIFY_SERVICE_SID, "", MAX_SID)),
                config.integer(CODE_LENGTH, 6, CodeGenerator.MIN_LENGTH, CodeGenerator.MAX_LENGTH),
                CodeAlphabet.from(config.option(CODE_ALPHABET, "digits", ALPHABETS)),
                config.duration(CODE_LIFETIME_SECONDS, ChronoUnit.SECONDS, 300, MIN_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS),
                new LimitSettings(
                        config.integer(MAX_CHECKS_PER_CODE, 5, 1, 10),
                        config.integer(MAX_FAILURES_PER_USER_HOUR, 10, 1, 100),
                        config.duration(RESEND_COOLDOWN_SECONDS, ChronoUnit.SECONDS, 30, 0, 3600),
                        config.integer(MAX_SENDS_PER_DESTINATION_HOUR, 3, 1, 1000),
                        config.integer(MAX_SENDS_PER_USER_HOUR, 10, 1, 1000),
                        config.integer(MAX_SENDS_PER_SESSION, 5, 1, 100),
                        config.integer(MAX_SENDS_PER_IP_HOUR, 10, 1, 100000),
                        config.integer(MAX_SENDS_PER_REALM_MINUTE, 20, 1, 100000)),
                countries(config.list(ALLOWED_COUNTRIES, Countries.DEFAULT_ALLOWED, MAX_COUNTRIES, true,
                        value -> value.equals(ANY_COUNTRY) || SettingsReader.isRegionCode(value), "a two-letter country code or *")),
                config.text(DEFAULT_REGION, "", SettingsReader::isRegionCode, "a two-letter country code (or empty)")
                        .toUpperCase(Locale.ROOT),
                config.flag(EMAIL_ALLOWED, true));
    }

    /** Whether SMS codes actually go by e-mail because the realm chose the e-mail channel. */
    public boolean emailOnly() {
        return "email".equals(channel);
    }

    private static Set<String> countries(List<String> codes) {
        return codes.contains(ANY_COUNTRY) ? Set.of() : SettingsReader.upperCase(codes);
    }

    /**
     * The Twilio settings as typed by the admin: SIDs in clear, secrets as vault references.
     */
    public record TwilioConfig(String accountSid, String authToken, String apiKeySid, String apiKeySecret, String from,
                               String messagingServiceSid, String verifyServiceSid) {

        @Override
        public String toString() {
            return "TwilioConfig[" + accountSid + ", secrets hidden]";
        }
    }
}
