package dev.vigil.otp.delivery;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** E-mail through Keycloak's own mail sender and the realm's SMTP settings. */
public class EmailOtpSender implements OtpSender {

    private static final Logger LOG = Logger.getLogger(EmailOtpSender.class);

    private final KeycloakSession session;

    EmailOtpSender(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void send(OtpMessage message, DeliverySettings settings) throws OtpDeliveryException {
        if (message.channel() != OtpChannel.EMAIL) {
            throw new OtpDeliveryException("the e-mail channel sends e-mail only", OtpDeliveryException.CONFIGURATION, null);
        }
        RealmModel realm = session.getContext().getRealm();
        if (realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
            throw new OtpDeliveryException("realm " + realm.getName() + " has no SMTP settings",
                    OtpDeliveryException.CONFIGURATION, null);
        }
        try {
            session.getProvider(EmailSenderProvider.class)
                    .send(realm.getSmtpConfig(), message.recipient(), message.subject(), message.body(), null);
        } catch (EmailException e) {
            LOG.debugf("E-mail to %s failed: %s", RecipientMask.mask(message.recipient()), e.getClass().getSimpleName());
            throw new OtpDeliveryException("e-mail to " + RecipientMask.mask(message.recipient()) + " failed",
                    OtpDeliveryException.NETWORK, null);
        }
    }
}
