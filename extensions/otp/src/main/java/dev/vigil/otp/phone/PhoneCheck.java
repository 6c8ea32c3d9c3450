package dev.vigil.otp.phone;

/**
 * The outcome of checking a typed phone number.
 *
 * @param e164    the normalised number when accepted, else null
 * @param region  its ISO 3166 region when accepted, else null
 * @param refusal why it was refused, else null
 */
public record PhoneCheck(String e164, String region, Refusal refusal) {

    public enum Refusal {
        INVALID("vigilPhoneInvalid"),
        PREMIUM_RATE("vigilPhonePremiumRate"),
        NOT_MOBILE("vigilPhoneNotMobile"),
        COUNTRY_NOT_ALLOWED("vigilPhoneCountryNotAllowed");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    static PhoneCheck accepted(String e164, String region) {
        return new PhoneCheck(e164, region, null);
    }

    static PhoneCheck refused(Refusal refusal) {
        return new PhoneCheck(null, null, refusal);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
