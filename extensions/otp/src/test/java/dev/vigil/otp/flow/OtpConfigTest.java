package dev.vigil.otp.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.otp.code.CodeAlphabet;
import dev.vigil.otp.phone.Countries;
import org.junit.jupiter.api.Test;

class OtpConfigTest {

    @Test
    void noSettingsMeansTheDocumentedDefaults() {
        OtpConfig config = OtpConfig.from((org.keycloak.models.AuthenticatorConfigModel) null);

        assertThat(config.channel()).isEqualTo("outbox");
        assertThat(config.codeLength()).isEqualTo(6);
        assertThat(config.alphabet()).isEqualTo(CodeAlphabet.DIGITS);
        assertThat(config.lifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.limits().checksPerCode()).isEqualTo(5);
        assertThat(config.limits().failuresPerUserPerHour()).isEqualTo(10);
        assertThat(config.limits().resendCooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.limits().sendsPerDestinationPerHour()).isEqualTo(3);
        assertThat(config.limits().sendsPerUserPerHour()).isEqualTo(10);
        assertThat(config.limits().sendsPerSession()).isEqualTo(5);
        assertThat(config.limits().sendsPerIpPerHour()).isEqualTo(10);
        assertThat(config.limits().sendsPerRealmPerMinute()).isEqualTo(20);
        assertThat(config.allowedCountries()).containsExactlyInAnyOrderElementsOf(Countries.DEFAULT_ALLOWED).hasSize(34);
        assertThat(config.emailAllowed()).isTrue();
    }

    @Test
    void readsTheAdminConsoleValues() {
        OtpConfig config = OtpConfig.from(Map.of("channel", "twilio-verify", "codeLength", "8", "codeAlphabet", "alphanumeric",
                "codeLifetimeSeconds", "600", "allowedCountries", "fr##de, ch", "defaultRegion", "fr", "emailFallback", "false"));

        assertThat(config.channel()).isEqualTo("twilio-verify");
        assertThat(config.codeLength()).isEqualTo(8);
        assertThat(config.alphabet()).isEqualTo(CodeAlphabet.ALPHANUMERIC);
        assertThat(config.lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.allowedCountries()).containsExactlyInAnyOrder("FR", "DE", "CH");
        assertThat(config.defaultRegion()).isEqualTo("FR");
        assertThat(config.emailAllowed()).isFalse();
    }

    @Test
    void aStarAllowsEveryCountry() {
        assertThat(OtpConfig.from(Map.of("allowedCountries", "*")).allowedCountries()).isEmpty();
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> OtpConfig.from(Map.of("codeLifetimeSeconds", "601")))
                .hasMessageContaining("codeLifetimeSeconds").hasMessageContaining("600");
        assertThatThrownBy(() -> OtpConfig.from(Map.of("codeLength", "5"))).hasMessageContaining("codeLength");
        assertThatThrownBy(() -> OtpConfig.from(Map.of("maxAttemptsPerCode", "five"))).hasMessageContaining("whole number");
    }

    @Test
    void theLimitsTheIssueNamedAreRefusedWithTheirRange() {
        assertThatThrownBy(() -> OtpConfig.from(Map.of("maxSendsPerPhonePerHour", "10000")))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("maxSendsPerPhonePerHour").hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> OtpConfig.from(Map.of("channel", "pigeon"))).hasMessageContaining("channel");
        assertThatThrownBy(() -> OtpConfig.from(Map.of("allowedCountries", "FR##France"))).hasMessageContaining("allowedCountries");
        assertThatThrownBy(() -> OtpConfig.from(Map.of("emailFallback", "maybe"))).hasMessageContaining("true or false");
    }

    @Test
    void twilioSecretsInClearAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> OtpConfig.from(Map.of("twilioAuthToken", "f0e1d2c3b4a5968778695a4b3c2d1e0f")))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("twilioAuthToken").hasMessageContaining("${vault.")
                .hasMessageNotContaining("f0e1d2c3");
        assertThatThrownBy(() -> OtpConfig.from(Map.of("twilioApiKeySecret", "secret"))).hasMessageContaining("twilioApiKeySecret");
        assertThat(OtpConfig.from(Map.of("twilioAuthToken", "${vault.twilio-token}")).twilio().authToken())
                .isEqualTo("${vault.twilio-token}");
    }
}
