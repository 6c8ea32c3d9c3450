package dev.vigil.otp.delivery;

import org.keycloak.provider.Provider;

/** Hands a one-time-code message to one delivery channel (SMS gateway, mail, development outbox). */
public interface OtpSender extends Provider {

    void send(OtpMessage message) throws OtpDeliveryException;

    @Override
    default void close() {
    }
}
