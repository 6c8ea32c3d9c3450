package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of a realm allowed the OAuth 2.0 password grant (direct access grants), created for one test and
 * deleted after it; it carries Vigil's risk mapper like the demo clients. Requests appear to come from an
 * address through X-Forwarded-For, as {@link HttpSession#from} does for browsers.
 */
public final class PasswordGrant implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AdminApi admin;
    private final URI tokenEndpoint;
    private final String realm;
    private final String clientId;
    private final String id;

    private PasswordGrant(AdminApi admin, VigilServer server, String realm, String clientId, String id) {
        this.admin = admin;
        this.tokenEndpoint = URI.create(server.realmUri(realm) + "/protocol/openid-connect/token");
        this.realm = realm;
        this.clientId = clientId;
        this.id = id;
    }

    public static PasswordGrant client(AdminApi admin, VigilServer server, String realm) {
        String clientId = "password-grant-" + UUID.randomUUID();
        HttpResponse<String> created = AdminApi.expect(201, admin.post("/realms/" + realm + "/clients", Map.of(
                "clientId", clientId,
                "publicClient", true,
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true,
                "protocolMappers", java.util.List.of(Map.of(
                        "name", "vigil risk level",
                        "protocol", "openid-connect",
                        "protocolMapper", "vigil-risk-mapper",
                        "config", Map.of("access.token.claim", "true", "id.token.claim", "true"))))));
        String location = created.headers().firstValue("Location").orElseThrow();
        return new PasswordGrant(admin, server, realm, clientId, location.substring(location.lastIndexOf('/') + 1));
    }

    /** Asks for tokens with {@code username} and {@code password} from {@code address}. */
    public Answer request(String address, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "scope", "openid",
                        "username", username, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        AdminApi.expect(204, admin.delete("/realms/" + realm + "/clients/" + id));
    }

    /** The token endpoint's answer: tokens, or an OAuth error. */
    public record Answer(int status, JsonNode body) {

        public String error() {
            return body.path("error").asText();
        }

        /** The claims of the access token (its payload, unverified: the test only reads what was issued). */
        public JsonNode accessTokenClaims() {
            String[] parts = body.path("access_token").asText().split("\\.");
            if (parts.length != 3) {
                throw new AssertionError("no access token in " + body);
            }
            try {
                return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
