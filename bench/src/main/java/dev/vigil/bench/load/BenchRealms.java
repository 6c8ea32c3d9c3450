package dev.vigil.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two realms of the benchmark, created through the admin REST API from the demo realm's JSON: the same clients,
 * settings, flows and users, one signing in through Keycloak's stock {@code browser} flow, the other through
 * {@code vigil browser}.
 */
public final class BenchRealms {

    public static final String CLIENT_ID = "demo-app";
    /** Any loopback port is a registered redirect URI of the demo app; the benchmark never follows it. */
    public static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchRealms() {
    }

    /** A realm of the benchmark: its name and the browser flow it binds. */
    public record Flow(String label, String realm, String browserFlow) {
    }

    public static final Flow STOCK = new Flow("stock", "bench-stock", "browser");
    public static final Flow VIGIL = new Flow("Vigil", "bench-vigil", "vigil browser");

    /**
     * How the realms' risk step acts: as the demo realm says (LOW passes, MEDIUM and HIGH step up or are refused), or
     * in its report-only mode (every login scored and recorded, with the event and its reasons, but no code asked),
     * so that a new device's login costs its scoring and not the OTP step.
     */
    public enum RiskStep { ENFORCE, REPORT_ONLY }

    /** Creates both realms with these users, under this password hashing, their risk step acting as said. */
    public static void create(BenchServer server, Path demoRealm, List<BenchUser> users, LoadOptions.Hashing hashing,
            RiskStep riskStep) {
        create(server, demoRealm, users, hashing, List.of(STOCK, VIGIL), riskStep);
    }

    /** Creates a realm for each flow with these users, under this password hashing, their risk step acting as said. */
    public static void create(BenchServer server, Path demoRealm, List<BenchUser> users, LoadOptions.Hashing hashing,
            List<Flow> flows, RiskStep riskStep) {
        String token = adminToken(server);
        for (Flow flow : flows) {
            post(server.baseUri().resolve("/admin/realms"), token, realm(demoRealm, flow, users, hashing, riskStep));
        }
    }

    static ObjectNode realm(Path demoRealm, Flow flow, List<BenchUser> users, LoadOptions.Hashing hashing,
            RiskStep riskStep) {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(demoRealm.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + demoRealm, e);
        }
        realm.put("realm", flow.realm());
        realm.put("displayName", "Vigil benchmark (" + flow.label() + ")");
        realm.put("browserFlow", flow.browserFlow());
        // Plain HTTP on loopback stands for the TLS-terminating proxy, as in the integration tests.
        realm.put("sslRequired", "none");
        // Not a brute-force attack: thousands of logins a minute from one user.
        realm.put("bruteForceProtected", false);
        realm.remove("defaultRole");
        hashing.passwordPolicy().ifPresent(policy -> realm.put("passwordPolicy", policy));
        raiseCodeSendLimits(realm);
        if (riskStep == RiskStep.REPORT_ONLY) {
            stepConfig(realm, "vigil risk").put("mode", "report-only");
        }
        ArrayNode accounts = realm.putArray("users");
        for (BenchUser user : users) {
            ObjectNode account = accounts.addObject();
            account.put("username", user.username());
            account.put("email", user.email());
            account.put("emailVerified", true);
            account.put("firstName", "Bench");
            account.put("lastName", user.username());
            account.put("enabled", true);
            ObjectNode password = account.putArray("credentials").addObject();
            password.put("type", "password");
            password.put("value", user.password());
            password.put("temporary", false);
        }
        return realm;
    }

    /**
     * New-device logins are stepped up many times a minute per user: the demo realm's limits on codes sent (meant
     * against SMS pumping) would refuse most of them, so both realms take the highest the settings allow. The
     * limits are still checked on every code.
     */
    private static void raiseCodeSendLimits(ObjectNode realm) {
        stepConfig(realm, "vigil otp")
                .put("resendCooldownSeconds", "0")
                .put("maxSendsPerPhonePerHour", "1000")
                .put("maxSendsPerUserPerHour", "1000")
                .put("maxSendsPerSession", "100")
                .put("maxSendsPerIpPerHour", "100000")
                .put("maxSendsPerRealmPerMinute", "100000");
    }

    /** The settings of the demo realm's step configuration {@code alias}, to change in place. */
    private static ObjectNode stepConfig(ObjectNode realm, String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (alias.equals(config.path("alias").asText())) {
                return (ObjectNode) config.path("config");
            }
        }
        throw new IllegalStateException("the demo realm has no step configuration " + alias);
    }

    private static String adminToken(BenchServer server) {
        String form = "grant_type=password&client_id=admin-cli&username=" + BenchServer.ADMIN_USER + "&password="
                + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return parse(send(request, 200)).path("access_token").asText();
    }

    private static void post(URI uri, String token, JsonNode body) {
        send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), 201);
    }

    private static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
