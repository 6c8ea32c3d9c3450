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

    public BearerClient(String token) {
        this.token = token;
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

    public HttpResponse<String> delete(URI uri) {
        return send(request(uri).DELETE());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
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
