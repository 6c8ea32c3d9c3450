package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keycloak's admin REST API over plain HTTP, as the bootstrap admin of the test server. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final VigilNode server;
    private final String token;

    public AdminApi(VigilNode server) {
        this.server = server;
        this.token = login();
    }

    private String login() {
        String form = "grant_type=password&client_id=admin-cli&username=" + VigilServer.ADMIN_USER
                + "&password=" + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        server.baseUri().resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return json(expect(200, response)).get("access_token").asText();
    }

    /** The admin's token, for Vigil's own admin endpoints outside /admin. */
    public BearerClient bearer() {
        return new BearerClient(token);
    }

    public JsonNode get(String path) {
        return json(expect(200, send(authorized(path).GET())));
    }

    public HttpResponse<String> post(String path, Object body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public HttpResponse<String> put(String path, Object body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** Creates an enabled user with a password in {@code realm}; returns the new user's id. */
    public String createUser(String realm, String username, String password) {
        HttpResponse<String> response = expect(201, post("/realms/" + realm + "/users", Map.of(
                "username", username,
                "email", username + "@example.com",
                "emailVerified", true,
                "firstName", "Test",
                "lastName", username,
                "enabled", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))));
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(server.baseUri().resolve("/admin" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
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

    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " from " + response.uri() + " but got "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
