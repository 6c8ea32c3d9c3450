package dev.vigil.otp.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;

import dev.vigil.otp.delivery.DeliverySettings;
import dev.vigil.otp.delivery.OtpDeliveryException;
import org.junit.jupiter.api.Test;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

class TwilioSecretsTest {

    private final VaultTranscriber vault = mock(VaultTranscriber.class);

    private static OtpConfig.TwilioConfig config(String accountSid, String authToken) {
        return new OtpConfig.TwilioConfig(accountSid, authToken, "", "", "+15005550006", "", "");
    }

    @Test
    void readsTheAuthTokenFromTheVault() throws Exception {
        VaultStringSecret secret = mock(VaultStringSecret.class);
        when(secret.get()).thenReturn(Optional.of("token-from-vault"));
        when(vault.getStringSecret("${vault.twilio_token}")).thenReturn(secret);

        DeliverySettings settings = new TwilioSecrets(vault, name -> null).resolve(config("AC1", "${vault.twilio_token}"));

        assertThat(settings.account().username()).isEqualTo("AC1");
        assertThat(settings.account().password()).isEqualTo("token-from-vault");
        assertThat(settings.account().toString()).doesNotContain("token-from-vault");
    }

    @Test
    void fallsBackToTheEnvironment() throws Exception {
        Map<String, String> environment = Map.of("TWILIO_ACCOUNT_SID", "AC2", "TWILIO_AUTH_TOKEN", "token-from-env");

        DeliverySettings settings = new TwilioSecrets(vault, environment::get).resolve(config("", ""));

        assertThat(settings.account().accountSid()).isEqualTo("AC2");
        assertThat(settings.account().password()).isEqualTo("token-from-env");
    }

    @Test
    void prefersAnApiKey() throws Exception {
        Map<String, String> environment = Map.of("TWILIO_ACCOUNT_SID", "AC3", "TWILIO_AUTH_TOKEN", "token",
                "TWILIO_API_KEY", "SK1", "TWILIO_API_SECRET", "key-secret");

        DeliverySettings settings = new TwilioSecrets(vault, environment::get).resolve(config("", ""));

        assertThat(settings.account().username()).isEqualTo("SK1");
        assertThat(settings.account().password()).isEqualTo("key-secret");
    }

    @Test
    void refusesASecretTypedInClear() {
        assertThatThrownBy(() -> new TwilioSecrets(vault, name -> null).resolve(config("AC1", "clear-token")))
                .isInstanceOf(OtpDeliveryException.class)
                .hasMessageContaining("vault")
                .hasMessageNotContaining("clear-token");
    }

    @Test
    void noCredentialsMeansNoAccount() throws Exception {
        assertThat(new TwilioSecrets(vault, name -> null).resolve(config("", "")).account()).isNull();
    }
}
