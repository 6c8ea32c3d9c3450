package dev.vigil.otp.delivery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** {@code email}: the realm's SMTP server, as configured in Realm settings > Email. */
public class EmailOtpSenderFactory implements OtpSenderFactory {

    public static final String ID = "email";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public OtpSender create(KeycloakSession session) {
        return new EmailOtpSender(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
