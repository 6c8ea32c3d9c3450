package dev.vigil.otp.delivery;

import org.keycloak.models.KeycloakSession;

/** {@code twilio-messaging}: options {@code spi-vigil-otp-sender--twilio-messaging--timeout-seconds} and {@code --base-url}. */
public class TwilioMessagingSenderFactory extends TwilioSenderFactory {

    public static final String ID = "twilio-messaging";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public OtpSender create(KeycloakSession session) {
        return new TwilioMessagingSender(connection);
    }
}
