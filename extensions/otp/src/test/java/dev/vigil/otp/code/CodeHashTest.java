package dev.vigil.otp.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class CodeHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void matchesOnlyTheHashedCode() {
        CodeHash hash = CodeHash.of("123456", random);

        assertThat(hash.matches("123456")).isTrue();
        assertThat(hash.matches("123457")).isFalse();
        assertThat(hash.matches("")).isFalse();
    }

    @Test
    void neverHoldsTheCodeAndIsSaltedPerCode() {
        CodeHash first = CodeHash.of("123456", random);
        CodeHash second = CodeHash.of("123456", random);

        assertThat(first.hash()).isNotEqualTo(second.hash());
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash() + first.salt() + first).doesNotContain("123456");
    }
}
