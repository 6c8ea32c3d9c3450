package dev.vigil.otp.flow;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.vigil.otp.code.CodeAlphabet;
import dev.vigil.otp.code.CodeGenerator;
import dev.vigil.otp.delivery.OutboxSenderFactory;
import dev.vigil.otp.limits.LimitSettings;
import dev.vigil.otp.phone.Countries;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;

/**
 * Typed reader of the Vigil OTP step's configuration (also the settings of phone enrolment). Missing
 * values take the defaults; values out of range are refused with a message naming the setting.
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

    public static final OtpConfig DEFAULTS = from(Map.of());

    public static OtpConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static OtpConfig from(Map<String, String> raw) {
        Map<String, String> config = new HashMap<>(raw);
        config.values().removeIf(value -> value == null || value.isBlank());
        String channel = config.getOrDefault(CHANNEL, OutboxSenderFactory.ID).trim();
        return new OtpConfig(
                channel,
                new TwilioConfig(text(config, TWILIO_ACCOUNT_SID), text(config, TWILIO_AUTH_TOKEN),
                        text(config, TWILIO_API_KEY_SID), text(config, TWILIO_API_KEY_SECRET), text(config, TWILIO_FROM),
                        text(config, TWILIO_MESSAGING_SERVICE_SID), text(config, TWILIO_VERIFY_SERVICE_SID)),
                number(config, CODE_LENGTH, 6, CodeGenerator.MIN_LENGTH, CodeGenerator.MAX_LENGTH),
                CodeAlphabet.from(config.get(CODE_ALPHABET)),
                Duration.ofSeconds(number(config, CODE_LIFETIME_SECONDS, 300, MIN_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS)),
                new LimitSettings(
                        number(config, MAX_CHECKS_PER_CODE, 5, 1, 10),
                        number(config, MAX_FAILURES_PER_USER_HOUR, 10, 1, 100),
                        Duration.ofSeconds(number(config, RESEND_COOLDOWN_SECONDS, 30, 0, 3600)),
                        number(config, MAX_SENDS_PER_DESTINATION_HOUR, 3, 1, 1000),
                        number(config, MAX_SENDS_PER_USER_HOUR, 10, 1, 1000),
                        number(config, MAX_SENDS_PER_SESSION, 5, 1, 100),
                        number(config, MAX_SENDS_PER_IP_HOUR, 10, 1, 100000),
                        number(config, MAX_SENDS_PER_REALM_MINUTE, 20, 1, 100000)),
                countries(config.getOrDefault(ALLOWED_COUNTRIES, String.join(Constants.CFG_DELIMITER, Countries.DEFAULT_ALLOWED))),
                text(config, DEFAULT_REGION).toUpperCase(Locale.ROOT),
                Boolean.parseBoolean(config.getOrDefault(EMAIL_ALLOWED, "true").trim()));
    }

    /** Whether SMS codes actually go by e-mail because the realm chose the e-mail channel. */
    public boolean emailOnly() {
        return "email".equals(channel);
    }

    private static String text(Map<String, String> config, String key) {
        return config.getOrDefault(key, "").trim();
    }

    private static int number(Map<String, String> config, String key, int fallback, int min, int max) {
        String value = config.get(key);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Vigil OTP setting " + key + " must be a whole number, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("Vigil OTP setting " + key + " must be between " + min + " and " + max
                    + ", was " + parsed);
        }
        return parsed;
    }

    /** Multivalued settings are stored joined with Keycloak's "##"; commas and spaces are accepted too. */
    private static Set<String> countries(String joined) {
        Set<String> regions = Arrays.stream(joined.split(Constants.CFG_DELIMITER + "|[,\\s]+"))
                .map(value -> value.trim().toUpperCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return regions.contains(ANY_COUNTRY) ? Set.of() : regions;
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
