package dev.vigil.otp.delivery;

import com.twilio.exception.TwilioException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.jboss.logging.Logger;

/** SMS through Twilio Programmable Messaging: from a Messaging Service when set, else from a sender number. */
public class TwilioMessagingSender implements OtpSender {

    private static final Logger LOG = Logger.getLogger(TwilioMessagingSender.class);

    private final TwilioConnection connection;

    TwilioMessagingSender(TwilioConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(OtpMessage message, DeliverySettings settings) throws OtpDeliveryException {
        if (message.channel() != OtpChannel.SMS) {
            throw new OtpDeliveryException("Twilio Messaging sends SMS only", OtpDeliveryException.CONFIGURATION, null);
        }
        PhoneNumber to = new PhoneNumber(message.recipient());
        MessageCreator creator;
        if (!settings.messagingServiceSid().isBlank()) {
            creator = Message.creator(to, settings.messagingServiceSid(), message.body());
        } else if (!settings.from().isBlank()) {
            creator = Message.creator(to, new PhoneNumber(settings.from()), message.body());
        } else {
            throw new OtpDeliveryException("neither a Twilio sender number nor a Messaging Service SID is configured",
                    OtpDeliveryException.CONFIGURATION, null);
        }
        try {
            Message sent = creator.create(connection.client(settings));
            LOG.debugf("Twilio accepted SMS %s for realm %s to %s", sent.getSid(), message.realm(),
                    RecipientMask.mask(message.recipient()));
        } catch (TwilioException e) {
            throw TwilioFailures.of("SMS to " + RecipientMask.mask(message.recipient()), e);
        }
    }
}
