package dev.vigil.otp.flow;

import java.util.function.UnaryOperator;

import dev.vigil.otp.delivery.DeliverySettings;
import dev.vigil.otp.delivery.DeliverySettings.TwilioAccount;
import dev.vigil.otp.delivery.OtpDeliveryException;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

/**
 * Twilio credentials from Keycloak's vault ({@code ${vault.key}} in the step's settings) or, when the
 * settings leave them empty, from the server's environment: {@code TWILIO_ACCOUNT_SID} with
 * {@code TWILIO_AUTH_TOKEN}, or {@code TWILIO_API_KEY} with {@code TWILIO_API_SECRET}. A secret typed in
 * clear in the settings is refused: realm exports would carry it.
 */
final class TwilioSecrets {

    static final String ENV_ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    static final String ENV_AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    static final String ENV_API_KEY = "TWILIO_API_KEY";
    static final String ENV_API_SECRET = "TWILIO_API_SECRET";

    private final VaultTranscriber vault;
    private final UnaryOperator<String> environment;

    TwilioSecrets(VaultTranscriber vault, UnaryOperator<String> environment) {
        this.vault = vault;
        this.environment = environment;
    }

    DeliverySettings resolve(OtpConfig.TwilioConfig config) throws OtpDeliveryException {
        String accountSid = value(config.accountSid(), ENV_ACCOUNT_SID, false);
        String apiKey = value(config.apiKeySid(), ENV_API_KEY, false);
        String apiSecret = value(config.apiKeySecret(), ENV_API_SECRET, true);
        String authToken = value(config.authToken(), ENV_AUTH_TOKEN, true);
        TwilioAccount account = null;
        if (!accountSid.isEmpty() && !apiKey.isEmpty() && !apiSecret.isEmpty()) {
            account = new TwilioAccount(accountSid, apiKey, apiSecret);
        } else if (!accountSid.isEmpty() && !authToken.isEmpty()) {
            account = new TwilioAccount(accountSid, accountSid, authToken);
        }
        return new DeliverySettings(account, config.from(), config.messagingServiceSid(), config.verifyServiceSid());
    }

    private String value(String configured, String environmentVariable, boolean secret) throws OtpDeliveryException {
        if (configured.isEmpty()) {
            String fromEnvironment = environment.apply(environmentVariable);
            return fromEnvironment == null ? "" : fromEnvironment.trim();
        }
        boolean vaultReference = configured.startsWith("${vault.") && configured.endsWith("}");
        if (secret && !vaultReference) {
            throw new OtpDeliveryException("a Twilio secret is configured in clear: use a vault reference ${vault.key}"
                    + " or the environment variable " + environmentVariable, OtpDeliveryException.CONFIGURATION, null);
        }
        if (!vaultReference) {
            return configured;
        }
        try (VaultStringSecret resolved = vault.getStringSecret(configured)) {
            return resolved.get().orElseThrow(() -> new OtpDeliveryException(
                    "the vault has no entry for " + configured, OtpDeliveryException.CONFIGURATION, null));
        }
    }
}
