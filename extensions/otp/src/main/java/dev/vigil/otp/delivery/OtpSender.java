package dev.vigil.otp.delivery;

import org.keycloak.provider.Provider;

/**
 * Hands a one-time-code message to one delivery channel (Twilio, Keycloak's mail sender, development
 * outbox). Implementations never log the body or the full recipient.
 */
public interface OtpSender extends Provider {

    void send(OtpMessage message, DeliverySettings settings) throws OtpDeliveryException;

    @Override
    default void close() {
    }
}
