package dev.vigil.otp.delivery;

/**
 * A channel that generates and checks the codes itself (Twilio Verify): {@link #send} starts a
 * verification, whose message body it ignores, and {@link #check} asks whether a typed code is right.
 */
public interface CodeCheckingSender extends OtpSender {

    boolean check(String recipient, String code, DeliverySettings settings) throws OtpDeliveryException;
}
