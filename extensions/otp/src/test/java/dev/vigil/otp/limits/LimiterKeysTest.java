package dev.vigil.otp.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class LimiterKeysTest {

    private static LimiterKeys keys(String secret) {
        return new LimiterKeys("realm-1", new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @Test
    void aValueIsHiddenTheSameWayUnderOneSecret() {
        assertThat(keys("secret-a").hidden("+33612345678")).isEqualTo(keys("secret-a").hidden("+33612345678"))
                .hasSize(32).doesNotContain("612345678");
    }

    @Test
    void anotherRealmSecretHidesItDifferentlySoNoPlainHashTableReversesIt() throws Exception {
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("+33612345678".getBytes(StandardCharsets.UTF_8)), 0, 16);

        assertThat(keys("secret-a").hidden("+33612345678"))
                .isNotEqualTo(keys("secret-b").hidden("+33612345678"))
                .isNotEqualTo(plainSha256);
    }

    @Test
    void keysNameTheKindAndTheRealm() {
        assertThat(keys("s").of("user", "u-1")).isEqualTo("vigil-otp:user:realm-1:u-1");
        assertThat(keys("s").of("realm")).isEqualTo("vigil-otp:realm:realm-1");
    }
}
