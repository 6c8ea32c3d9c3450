package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a REST API with a bearer access token, as a relying party or an admin tool would. */
public final class BearerClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;
    private final String accept;

    public BearerClient(String token) {
        this(token, null);
    }

    private BearerClient(String token, String accept) {
        this.token = token;
        this.accept = accept;
    }

    /** The same client asking for JSON, as the account console does (Keycloak's account API answers HTML otherwise). */
    public BearerClient acceptingJson() {
        return new BearerClient(token, "application/json");
    }

    public HttpResponse<String> get(URI uri) {
        return send(request(uri).GET());
    }

    public HttpResponse<String> post(URI uri) {
        return send(request(uri).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> put(URI uri) {
        return send(request(uri).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** A JSON body, as the account console sends its updates. */
    public HttpResponse<String> post(URI uri, String json) {
        return send(request(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(URI uri, String json) {
        return send(request(uri).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(URI uri) {
        return send(request(uri).DELETE());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
