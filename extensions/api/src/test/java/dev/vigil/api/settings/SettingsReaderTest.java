package dev.vigil.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    private static SettingsReader reader(String key, String value) {
        Map<String, String> config = new HashMap<>();
        config.put(key, value);
        return SettingsReader.of(config);
    }

    @Nested
    class MissingOrBlank {

        @Test
        void takesTheDefault() {
            SettingsReader empty = SettingsReader.of(null);
            assertThat(empty.integer("n", 7, 1, 10)).isEqualTo(7);
            assertThat(reader("n", "   ").integer("n", 7, 1, 10)).isEqualTo(7);
            assertThat(reader("n", null).flag("n", true)).isTrue();
            assertThat(empty.vaultReference("secret")).isEmpty();
            assertThat(empty.list("l", List.of("a"), 3, false, item -> true, "anything")).containsExactly("a");
        }
    }

    @Nested
    class InRange {

        @Test
        void readsTrimmedValues() {
            assertThat(reader("n", " 10 ").integer("n", 7, 1, 10)).isEqualTo(10);
            assertThat(reader("d", "2.5").decimal("d", 1, 0, 3)).isEqualTo(2.5);
            assertThat(reader("s", "30").duration("s", ChronoUnit.SECONDS, 1, 0, 60)).isEqualTo(Duration.ofSeconds(30));
            assertThat(reader("f", "FALSE").flag("f", true)).isFalse();
            assertThat(reader("o", "b").option("o", "a", List.of("a", "b"))).isEqualTo("b");
            assertThat(reader("e", "seconds").choice("e", ChronoUnit.class, ChronoUnit.DAYS)).isEqualTo(ChronoUnit.SECONDS);
            assertThat(reader("l", "x##y, z##x").list("l", List.of(), 5, true, item -> true, "anything"))
                    .containsExactly("x", "y", "z");
            assertThat(reader("v", "${vault.twilio_token}").vaultReference("v")).isEqualTo("${vault.twilio_token}");
        }
    }

    @Nested
    class OutOfRange {

        @Test
        void aNumberNamesTheFieldItsRangeAndTheValue() {
            assertThatThrownBy(() -> reader("maxSends", "10000").integer("maxSends", 3, 1, 1000))
                    .isInstanceOfSatisfying(InvalidSetting.class, bad -> {
                        assertThat(bad.field()).isEqualTo("maxSends");
                        assertThat(bad.range()).isEqualTo("a whole number from 1 to 1000");
                    })
                    .hasMessage("Setting maxSends must be a whole number from 1 to 1000, was '10000'");
            assertThatThrownBy(() -> reader("n", "ten").integer("n", 3, 1, 10)).hasMessageContaining("'ten'");
            assertThatThrownBy(() -> reader("n", "99999999999999999999").integer("n", 3, 1, 10)).isInstanceOf(InvalidSetting.class);
        }

        @Test
        void decimalsRefuseNaNAndInfinity() {
            assertThatThrownBy(() -> reader("d", "NaN").decimal("d", 1, 0, 3)).hasMessageContaining("a number from 0 to 3");
            assertThatThrownBy(() -> reader("d", "Infinity").decimal("d", 1, 0, 3)).isInstanceOf(InvalidSetting.class);
        }

        @Test
        void flagsOptionsAndChoicesListWhatIsAllowed() {
            assertThatThrownBy(() -> reader("f", "yes").flag("f", true)).hasMessageContaining("true or false");
            assertThatThrownBy(() -> reader("o", "c").option("o", "a", List.of("a", "b"))).hasMessageContaining("one of a, b");
            assertThatThrownBy(() -> reader("e", "fortnight").choice("e", ChronoUnit.class, ChronoUnit.DAYS))
                    .hasMessageContaining("SECONDS");
        }

        @Test
        void textAndListsAreBounded() {
            assertThatThrownBy(() -> reader("t", "x".repeat(65)).text("t", "", 64)).hasMessageContaining("at most 64 characters")
                    .hasMessageContaining("x".repeat(40) + "...'").hasMessageNotContaining("x".repeat(41));
            assertThatThrownBy(() -> reader("t", "a\u0000b").text("t", "", 64)).isInstanceOf(InvalidSetting.class);
            assertThatThrownBy(() -> reader("l", "a##b##c").list("l", List.of(), 2, false, item -> true, "anything"))
                    .hasMessageContaining("at most 2 items");
            assertThatThrownBy(() -> reader("l", "ok##BAD").list("l", List.of(), 5, false, item -> item.equals("ok"), "ok"))
                    .hasMessageContaining("'BAD'");
        }

        @Test
        void aSecretInClearIsNeverRepeated() {
            assertThatThrownBy(() -> reader("twilioAuthToken", "f0e1d2c3b4a59687").vaultReference("twilioAuthToken"))
                    .isInstanceOf(InvalidSetting.class).hasMessageContaining("twilioAuthToken")
                    .hasMessageContaining("${vault.key}").hasMessageNotContaining("f0e1d2c3");
            assertThatThrownBy(() -> reader("s", "${vault.a} and more").vaultReference("s")).isInstanceOf(InvalidSetting.class);
        }
    }
}
