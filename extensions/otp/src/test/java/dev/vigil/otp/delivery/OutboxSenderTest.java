package dev.vigil.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.util.JsonSerialization;

class OutboxSenderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesOneJsonLinePerMessage() throws Exception {
        OutboxSender sender = new OutboxSender(dir.resolve("nested"), CLOCK);

        sender.send(message("vigil-demo", OtpChannel.SMS, "+33612345678", "Your code is 123456"), DeliverySettings.NONE);
        sender.send(message("vigil-demo", OtpChannel.EMAIL, "alice@example.com", "Code 654321"), DeliverySettings.NONE);

        List<String> lines = Files.readAllLines(dir.resolve("nested").resolve(OutboxSender.FILE_NAME));
        assertThat(lines).hasSize(2);
        Map<String, Object> first = json(lines.get(0));
        assertThat(first).containsEntry("time", "2026-11-22T10:15:30Z")
                .containsEntry("realm", "vigil-demo")
                .containsEntry("channel", "SMS")
                .containsEntry("to", "+33612345678")
                .containsEntry("body", "Your code is 123456");
        assertThat(json(lines.get(1))).containsEntry("channel", "EMAIL").containsEntry("subject", "Sign-in code");
    }

    @Test
    void concurrentSendsNeverInterleaveLines() throws Exception {
        OutboxSender sender = new OutboxSender(dir, CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            String body = "code " + i + " " + "x".repeat(500);
            pool.submit(() -> {
                sender.send(message("r", OtpChannel.SMS, "+15555550100", body), DeliverySettings.NONE);
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(dir.resolve(OutboxSender.FILE_NAME));
        assertThat(lines).hasSize(200);
        for (String line : lines) {
            assertThat(json(line)).containsKey("body");
        }
    }

    @Test
    void unwritableOutboxFailsWithoutLeakingTheCode() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        OutboxSender sender = new OutboxSender(notADirectory, CLOCK);

        assertThatThrownBy(() -> sender.send(message("r", OtpChannel.SMS, "+15555550100", "secret 987654"), DeliverySettings.NONE))
                .isInstanceOf(OtpDeliveryException.class)
                .hasMessageNotContaining("987654")
                .hasMessageNotContaining("+15555550100");
    }

    private static OtpMessage message(String realm, OtpChannel channel, String to, String body) {
        return new OtpMessage(realm, channel, to, channel == OtpChannel.EMAIL ? "Sign-in code" : "", body, Locale.ENGLISH);
    }

    private static Map<String, Object> json(String line) throws Exception {
        return JsonSerialization.readValue(line, new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void messageToStringHidesBodyAndRecipient() {
        OtpMessage message = message("r", OtpChannel.SMS, "+33612345678", "Your code is 123456");

        assertThat(message.toString()).doesNotContain("123456").doesNotContain("+33612345678").contains("+33*******78");
    }
}
