package dev.vigil.otp.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Development outbox channel ({@code outbox}). Configured with
 * {@code spi-vigil-otp-sender--outbox--directory}; by default {@code data/vigil-outbox} under the server home.
 */
public class OutboxSenderFactory implements OtpSenderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "outbox";
    static final String DIRECTORY = "directory";

    private Path directory;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        directory = config.get(DIRECTORY) != null ? Path.of(config.get(DIRECTORY)) : defaultDirectory();
    }

    private static Path defaultDirectory() {
        return Path.of(System.getProperty("kc.home.dir", "."), "data", "vigil-outbox");
    }

    @Override
    public OtpSender create(KeycloakSession session) {
        return new OutboxSender(directory, Clock.systemUTC());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(DIRECTORY)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Folder of the development outbox file outbox.jsonl (default: data/vigil-outbox under the server home).")
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("file", directory.resolve(OutboxSender.FILE_NAME).toString());
    }
}
