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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A confidential client's view of a realm's token endpoints over plain HTTP: refresh grant, token exchange,
 * introspection (RFC 7662) and userinfo, to see whether a token still works.
 */
public final class TokenEndpoints {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI realm;
    private final String basicAuth;

    public TokenEndpoints(URI realm, String clientId, String secret) {
        this.realm = realm;
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    /** The token endpoint's answer to a refresh grant: 200 with new tokens, or 400 {@code invalid_grant}. */
    public HttpResponse<String> refresh(String refreshToken) {
        return post("/protocol/openid-connect/token", "grant_type=refresh_token&refresh_token=" + encode(refreshToken));
    }

    /** The token endpoint's answer to a standard token exchange (RFC 8693) of an access token for this client. */
    public HttpResponse<String> exchange(String accessToken) {
        return post("/protocol/openid-connect/token", "grant_type=" + encode("urn:ietf:params:oauth:grant-type:token-exchange")
                + "&subject_token=" + encode(accessToken)
                + "&subject_token_type=" + encode("urn:ietf:params:oauth:token-type:access_token"));
    }

    /** Whether introspection calls the token active. */
    public boolean active(String token) {
        HttpResponse<String> response = AdminApi.expect(200,
                post("/protocol/openid-connect/token/introspect", "token=" + encode(token)));
        JsonNode answer = AdminApi.json(response);
        return answer.path("active").asBoolean();
    }

    /** The userinfo endpoint called with {@code token} as a bearer token. */
    public HttpResponse<String> userinfo(String token) {
        return send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(realm + path))
                .header("Authorization", basicAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
