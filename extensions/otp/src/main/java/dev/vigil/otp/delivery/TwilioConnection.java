package dev.vigil.otp.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The HTTP side of the Twilio channels, shared by every realm: one pooled client with a hard timeout
 * on connecting, waiting for a connection and reading the answer, so a slow Twilio never holds a login.
 * With {@code base-url} set (tests only) every request goes to that server instead of Twilio's hosts:
 * the SDK builds its usual URLs and the connection is routed elsewhere.
 */
final class TwilioConnection implements AutoCloseable {

    static final String TIMEOUT_SECONDS = "timeout-seconds";
    static final String BASE_URL = "base-url";
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final int MAX_CONNECTIONS = 50;

    private final NetworkHttpClient http;
    private final PoolingHttpClientConnectionManager connections;
    private final Duration timeout;
    private final URI baseUrl;

    private TwilioConnection(Duration timeout, URI baseUrl) {
        this.timeout = timeout;
        this.baseUrl = baseUrl;
        Timeout limit = Timeout.of(timeout);
        connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
                .disableAutomaticRetries();
        if (baseUrl != null) {
            HttpHost target = new HttpHost(baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
            builder.setRoutePlanner((host, context) -> new HttpRoute(target));
        }
        http = new NetworkHttpClient(builder);
    }

    static TwilioConnection from(Config.Scope config) {
        int seconds = config.getInt(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS);
        if (seconds < 1) {
            throw new IllegalArgumentException(TIMEOUT_SECONDS + " must be at least 1 second, was " + seconds);
        }
        String base = config.get(BASE_URL);
        return new TwilioConnection(Duration.ofSeconds(seconds), base == null || base.isBlank() ? null : URI.create(base));
    }

    TwilioRestClient client(DeliverySettings settings) throws OtpDeliveryException {
        DeliverySettings.TwilioAccount account = settings.account();
        if (account == null) {
            throw new OtpDeliveryException("no Twilio credentials configured (vault or environment)",
                    OtpDeliveryException.CONFIGURATION, null);
        }
        return new TwilioRestClient.Builder(account.username(), account.password())
                .accountSid(account.accountSid())
                .httpClient(http)
                .build();
    }

    Duration timeout() {
        return timeout;
    }

    String describe() {
        return baseUrl == null ? "api.twilio.com, verify.twilio.com" : baseUrl + " (test double)";
    }

    static List<ProviderConfigProperty> configMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(TIMEOUT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_TIMEOUT_SECONDS)
                .helpText("Seconds to connect to Twilio and to wait for its answer before the send fails.").add()
                .property().name(BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("For tests only: send Twilio API requests to this server instead of Twilio's.").add()
                .build();
    }

    @Override
    public void close() {
        connections.close();
    }
}
