package dev.vigil.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientMaskTest {

    @ParameterizedTest
    @CsvSource({
            "+33612345678, +33*******78",
            "+15555550100, +15*******00",
            "alice@example.com, a***@example.com",
            "12345, *****",
            "'', ''"
    })
    void masksAllButWhatThePersonNeedsToRecogniseIt(String recipient, String masked) {
        assertThat(RecipientMask.mask(recipient)).isEqualTo(masked);
    }
}
