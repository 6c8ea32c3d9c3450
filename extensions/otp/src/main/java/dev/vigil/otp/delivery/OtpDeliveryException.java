package dev.vigil.otp.delivery;

/** A message could not be handed to its channel; the text never contains the code or the full recipient. */
public class OtpDeliveryException extends Exception {

    public OtpDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
