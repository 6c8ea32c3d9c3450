package dev.vigil.otp.delivery;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;

/** {@code email}: the realm's SMTP server, as configured in Realm settings > Email. */
public class EmailOtpSenderFactory implements OtpSenderFactory, StatelessFactory<OtpSender> {

    public static final String ID = "email";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public OtpSender create(KeycloakSession session) {
        return new EmailOtpSender(session);
    }
}
