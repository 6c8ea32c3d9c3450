package dev.vigil.otp.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.util.JsonSerialization;

/**
 * Development channel: appends each message as one JSON line to {@code outbox.jsonl}, so a developer
 * (or a test) can read the code without an SMS account. It takes both SMS and e-mail messages. The log only says that a message was written,
 * to a masked recipient: the body, which holds the code, stays in the file.
 */
public class OutboxSender implements OtpSender {

    static final String FILE_NAME = "outbox.jsonl";

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final Path file;
    private final Clock clock;

    public OutboxSender(Path directory, Clock clock) {
        this.file = directory.resolve(FILE_NAME);
        this.clock = clock;
    }

    @Override
    public void send(OtpMessage message, DeliverySettings settings) throws OtpDeliveryException {
        try {
            Files.createDirectories(file.getParent());
            // One write per line with APPEND: concurrent senders never interleave a line.
            Files.write(file, line(message), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new OtpDeliveryException("outbox not writable: " + file, e);
        }
        LOG.infof("Outbox: %s message for realm %s to %s written to %s",
                message.channel(), message.realm(), RecipientMask.mask(message.recipient()), file);
    }

    private byte[] line(OtpMessage message) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", clock.instant().toString());
        json.put("realm", message.realm());
        json.put("channel", message.channel().name());
        json.put("to", message.recipient());
        json.put("subject", message.subject());
        json.put("body", message.body());
        return (JsonSerialization.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
