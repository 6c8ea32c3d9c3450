package dev.vigil.otp.delivery;

import org.keycloak.models.KeycloakSession;

/** {@code twilio-verify}: options {@code spi-vigil-otp-sender--twilio-verify--timeout-seconds} and {@code --base-url}. */
public class TwilioVerifySenderFactory extends TwilioSenderFactory {

    public static final String ID = "twilio-verify";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public OtpSender create(KeycloakSession session) {
        return new TwilioVerifySender(connection);
    }
}
