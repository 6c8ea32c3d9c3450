package dev.vigil.otp.delivery;

/**
 * A message could not be handed to its channel. The text never contains the code or the full recipient;
 * {@link #errorCode()} is the provider's error code (Twilio's 21211, 21610, 20429...) or
 * {@code timeout} / {@code network} / {@code configuration}, for events and the user's message.
 */
public class OtpDeliveryException extends Exception {

    public static final String TIMEOUT = "timeout";
    public static final String NETWORK = "network";
    public static final String CONFIGURATION = "configuration";

    private final String errorCode;

    public OtpDeliveryException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public OtpDeliveryException(String message, Throwable cause) {
        this(message, NETWORK, cause);
    }

    public String errorCode() {
        return errorCode;
    }
}
