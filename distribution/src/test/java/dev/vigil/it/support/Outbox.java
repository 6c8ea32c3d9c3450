package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The development outbox of the running server ({@code outbox.jsonl}, one JSON line per message with
 * {@code to}, {@code channel}, {@code body}): how tests, like developers, receive codes without an SMS account.
 */
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VigilNode server;

    public Outbox(VigilNode server) {
        this.server = server;
    }

    /** Every message to {@code recipient} (E.164 number or e-mail address), oldest first. */
    public List<Message> messagesTo(String recipient) {
        return server.outboxLines().stream()
                .map(Outbox::parse)
                .filter(message -> message.to().equals(recipient))
                .toList();
    }

    public Optional<Message> latestTo(String recipient) {
        List<Message> messages = messagesTo(recipient);
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    /** The code of the latest message to {@code recipient}; fails the test when none was sent. */
    public String latestCode(String recipient) {
        return latestTo(recipient).orElseThrow(() -> new AssertionError("no message to " + recipient + " in the outbox of " + server)).code();
    }

    /** The code of an SMS body, from its domain-bound last line ({@code @host #code}). */
    public static String codeOfSms(String body) {
        return body.substring(body.lastIndexOf('#') + 1).trim();
    }

    private static Message parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            return new Message(json.path("to").asText(), json.path("channel").asText(), json.path("subject").asText(),
                    json.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message: SMS bodies end with the domain-bound line {@code @host #code}; e-mails start with the code's sentence. */
    public record Message(String to, String channel, String subject, String body) {

        public String code() {
            if ("SMS".equals(channel)) {
                return codeOfSms(body);
            }
            String firstLine = body.lines().findFirst().orElse("");
            return firstLine.substring(firstLine.lastIndexOf(' ') + 1).trim();
        }
    }
}
