package dev.vigil.otp.delivery;

/**
 * A realm's settings for the Twilio channels, with the credentials already read from the vault or the
 * environment. Unused by the outbox and e-mail channels.
 *
 * @param account             credentials, or null when none are configured
 * @param from                sender phone number (E.164) or alphanumeric sender id, may be empty
 * @param messagingServiceSid Messaging Service (MG...), preferred over {@code from} when set
 * @param verifyServiceSid    Verify Service (VA...)
 */
public record DeliverySettings(TwilioAccount account, String from, String messagingServiceSid, String verifyServiceSid) {

    public static final DeliverySettings NONE = new DeliverySettings(null, "", "", "");

    /**
     * Twilio credentials: the account SID and either its auth token or an API key and secret.
     *
     * @param accountSid AC...
     * @param username   the account SID (with an auth token) or the API key SID (SK...)
     * @param password   the auth token or the API key secret
     */
    public record TwilioAccount(String accountSid, String username, String password) {

        @Override
        public String toString() {
            return "TwilioAccount[" + accountSid + ", ***]";
        }
    }
}
