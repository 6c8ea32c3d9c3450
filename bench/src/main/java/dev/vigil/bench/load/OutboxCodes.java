package dev.vigil.bench.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The codes the server's development outbox ({@code outbox.jsonl}, one JSON line per message) holds, read as the
 * file grows: the latest code per recipient. The demo realm e-mails codes to users without a phone; an e-mail's
 * first line ends with the code.
 */
final class OutboxCodes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> latest = new HashMap<>();
    private long readUpTo;

    OutboxCodes(Path outboxDir) {
        this.file = outboxDir.resolve("outbox.jsonl");
    }

    synchronized Optional<String> latestCode(String recipient) {
        readNewLines();
        return Optional.ofNullable(latest.get(recipient));
    }

    private void readNewLines() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile outbox = new RandomAccessFile(file.toFile(), "r")) {
            long length = outbox.length();
            if (length <= readUpTo) {
                return;
            }
            byte[] added = new byte[(int) (length - readUpTo)];
            outbox.seek(readUpTo);
            outbox.readFully(added);
            int lastNewline = lastIndexOf(added, (byte) '\n');
            // A line still being written is read next time, whole.
            readUpTo += lastNewline + 1;
            new String(added, 0, lastNewline + 1, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .forEach(this::remember);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void remember(String line) {
        try {
            JsonNode message = JSON.readTree(line);
            String firstLine = message.path("body").asText().lines().findFirst().orElse("");
            latest.put(message.path("to").asText(), firstLine.substring(firstLine.lastIndexOf(' ') + 1).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("not a message: " + line, e);
        }
    }

    private static int lastIndexOf(byte[] bytes, byte wanted) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
