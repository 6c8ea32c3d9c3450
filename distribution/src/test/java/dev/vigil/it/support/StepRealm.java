package dev.vigil.it.support;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A realm made through the admin API whose browser flow is Keycloak's password form followed by one Vigil step
 * with the given settings, imported with the realm (so they bypass the admin's save-time checks, as an imported
 * or old realm would); a public PKCE client {@value #CLIENT}.
 */
public final class StepRealm {

    public static final String CLIENT = "step-app";
    private static final URI CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String FLOW = "step browser";

    private final AdminApi admin;
    private final VigilServer server;
    private final String name;

    private StepRealm(AdminApi admin, VigilServer server, String name) {
        this.admin = admin;
        this.server = server;
        this.name = name;
    }

    public static StepRealm create(AdminApi admin, VigilServer server, String prefix, String step, Map<String, String> settings) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> realm = new HashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("internationalizationEnabled", true);
        realm.put("supportedLocales", List.of("en", "fr", "de"));
        realm.put("defaultLocale", "en");
        realm.put("clients", List.of(Map.of(
                "clientId", CLIENT,
                "publicClient", true,
                "standardFlowEnabled", true,
                "redirectUris", List.of("http://127.0.0.1:*"),
                "attributes", Map.of("pkce.code.challenge.method", "S256"))));
        realm.put("authenticatorConfig", List.of(Map.of("alias", "step settings", "config", settings)));
        realm.put("authenticationFlows", List.of(Map.of(
                "alias", FLOW,
                "providerId", "basic-flow",
                "topLevel", true,
                "builtIn", false,
                "authenticationExecutions", List.of(
                        FlowExecutions.required("auth-username-password-form", 10, null),
                        FlowExecutions.required(step, 20, "step settings")))));
        realm.put("browserFlow", FLOW);
        AdminApi.expect(201, admin.post("/realms", realm));
        return new StepRealm(admin, server, name);
    }

    public String name() {
        return name;
    }

    public OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(server.realmUri(name), CLIENT, CALLBACK);
    }

    public FreshUser user(String prefix) {
        return FreshUser.in(admin, name, prefix);
    }

    /** The Vigil step's execution in the realm's flow. */
    public JsonNode stepExecution() {
        JsonNode executions = admin.get("/realms/" + name + "/authentication/flows/step%20browser/executions");
        return executions.get(1);
    }

    /** Admin path of the step's settings, as the admin console saves them. */
    public String configPath() {
        return "/realms/" + name + "/authentication/config/" + stepExecution().path("authenticationConfig").asText();
    }
}
