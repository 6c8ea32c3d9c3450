package dev.vigil.otp.delivery;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** What the two Twilio channels share: their server options and their pooled HTTP connection. */
abstract class TwilioSenderFactory implements OtpSenderFactory, ServerInfoAwareProviderFactory {

    protected TwilioConnection connection;

    @Override
    public void init(Config.Scope config) {
        connection = TwilioConnection.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return TwilioConnection.configMetadata();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("endpoint", connection.describe(), "timeout", connection.timeout().toString());
    }
}
