package dev.vigil.otp.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeGeneratorTest {

    private final CodeGenerator generator = new CodeGenerator(new SecureRandom());

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 10})
    void digitCodesHaveTheConfiguredLength(int length) {
        assertThat(generator.generate(length, CodeAlphabet.DIGITS)).matches("[0-9]{" + length + "}");
    }

    @Test
    void alphanumericCodesAvoidLookAlikes() {
        for (int i = 0; i < 200; i++) {
            assertThat(generator.generate(8, CodeAlphabet.ALPHANUMERIC)).matches("[2-9A-HJKMNP-Z]{8}");
        }
    }

    @Test
    void everyDigitAppearsInEveryPosition() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String code = generator.generate(6, CodeAlphabet.DIGITS);
            for (int position = 0; position < 6; position++) {
                seen.add(position + ":" + code.charAt(position));
            }
        }
        assertThat(seen).hasSize(60);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 11})
    void lengthsOutsideSixToTenAreRefused(int length) {
        assertThatThrownBy(() -> generator.generate(length, CodeAlphabet.DIGITS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedCodesAreNormalisedAsGenerated() {
        assertThat(CodeAlphabet.DIGITS.normalise(" 123 456 ")).isEqualTo("123456");
        assertThat(CodeAlphabet.ALPHANUMERIC.normalise("ab2-c3d")).isEqualTo("AB2C3D");
        assertThat(CodeAlphabet.DIGITS.normalise(null)).isEmpty();
    }
}
