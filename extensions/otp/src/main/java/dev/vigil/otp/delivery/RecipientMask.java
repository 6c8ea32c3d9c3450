package dev.vigil.otp.delivery;

/**
 * Masks a phone number or e-mail address for logs and pages, so that a person can recognise
 * their own destination but a log reader learns nothing usable.
 */
public final class RecipientMask {

    private static final int PHONE_VISIBLE_PREFIX = 3;
    private static final int PHONE_VISIBLE_SUFFIX = 2;

    private RecipientMask() {
    }

    public static String mask(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return "";
        }
        int at = recipient.lastIndexOf('@');
        return at > 0 ? maskEmail(recipient, at) : maskPhone(recipient);
    }

    private static String maskEmail(String email, int at) {
        return email.charAt(0) + "***" + email.substring(at);
    }

    private static String maskPhone(String phone) {
        if (phone.length() <= PHONE_VISIBLE_PREFIX + PHONE_VISIBLE_SUFFIX) {
            return "*".repeat(phone.length());
        }
        int hidden = phone.length() - PHONE_VISIBLE_PREFIX - PHONE_VISIBLE_SUFFIX;
        return phone.substring(0, PHONE_VISIBLE_PREFIX) + "*".repeat(hidden)
                + phone.substring(phone.length() - PHONE_VISIBLE_SUFFIX);
    }
}
