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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Vigil's privacy endpoints for administrators, on Keycloak's admin API ({@code /admin/realms/{realm}/vigil-privacy}),
 * and administrators of the master realm with only some of the realm-management roles, to test permissions.
 */
public final class PrivacyAdminApi {

    private final VigilServer server;
    private final String realm;

    public PrivacyAdminApi(VigilServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    /** {@code .../vigil-privacy/users/{userId}/{path}}: one data subject's data. */
    public URI user(String userId, String path) {
        return URI.create(base() + "/users/" + userId + "/" + path);
    }

    /** {@code .../vigil-privacy/{path}}: realm-wide operations (retention, keys). */
    public URI realmWide(String path) {
        return URI.create(base() + "/" + path);
    }

    private String base() {
        return server.baseUri().resolve("/admin/realms/" + realm + "/vigil-privacy").toString();
    }

    /**
     * A new administrator in the master realm holding exactly these roles of this realm's management client
     * (e.g. {@code view-users}; none at all for an admin of nothing), signed in through admin-cli.
     */
    public BearerClient adminWith(AdminApi admin, String... roles) {
        String username = "limited-admin-" + UUID.randomUUID();
        String password = UUID.randomUUID().toString();
        String userId = admin.createUser("master", username, password);
        String client = admin.get("/realms/master/clients?clientId=" + realm + "-realm").get(0).path("id").asText();
        if (roles.length > 0) {
            List<JsonNode> granted = Arrays.stream(roles)
                    .map(role -> admin.get("/realms/master/clients/" + client + "/roles/" + role))
                    .toList();
            AdminApi.expect(204, admin.post("/realms/master/users/" + userId + "/role-mappings/clients/" + client, granted));
        }
        return new BearerClient(passwordGrant(username, password));
    }

    private String passwordGrant(String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            server.baseUri().resolve("/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return AdminApi.json(AdminApi.expect(200, response)).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
