package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxCodesTest {

    @TempDir
    Path outbox;

    private void append(String text) throws IOException {
        Files.writeString(outbox.resolve("outbox.jsonl"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String email(String to, String code) {
        return "{\"channel\":\"EMAIL\",\"to\":\"" + to + "\",\"body\":\"Your Vigil sign-in code is " + code
                + "\\n\\nIt expires in 5 minutes.\"}\n";
    }

    @Test
    void theLatestCodePerRecipientAsTheFileGrows() throws IOException {
        OutboxCodes codes = new OutboxCodes(outbox);
        assertThat(codes.latestCode("a@bench.example")).isEmpty();

        append(email("a@bench.example", "111111") + email("b@bench.example", "222222"));
        assertThat(codes.latestCode("a@bench.example")).hasValue("111111");

        append(email("a@bench.example", "333333"));
        assertThat(codes.latestCode("a@bench.example")).hasValue("333333");
        assertThat(codes.latestCode("b@bench.example")).hasValue("222222");
    }

    @Test
    void aLineStillBeingWrittenIsReadOnceWhole() throws IOException {
        OutboxCodes codes = new OutboxCodes(outbox);
        String line = email("a@bench.example", "444444");

        append(line.substring(0, 30));
        assertThat(codes.latestCode("a@bench.example")).isEmpty();

        append(line.substring(30));
        assertThat(codes.latestCode("a@bench.example")).hasValue("444444");
    }
}
