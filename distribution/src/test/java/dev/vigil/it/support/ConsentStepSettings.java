package dev.vigil.it.support;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo realm's "Vigil consent" step settings (terms, clients, collection, retention), changed through the
 * admin REST API exactly as the admin console saves them, and put back afterwards.
 */
public final class ConsentStepSettings {

    private final AdminApi admin;
    private final String realm;

    public ConsentStepSettings(AdminApi admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    /** Runs {@code body} with the step's config changed by {@code change}; restores the original after. */
    public void with(UnaryOperator<ObjectNode> change, ThrowingRunnable body) throws Exception {
        String path = "/realms/" + realm + "/authentication/config/" + consentExecution().path("authenticationConfig").asText();
        JsonNode original = admin.get(path);
        ObjectNode changed = original.deepCopy();
        change.apply((ObjectNode) changed.path("config"));
        AdminApi.expect(204, admin.put(path, changed));
        try {
            body.run();
        } finally {
            AdminApi.expect(204, admin.put(path, original));
        }
    }

    private JsonNode consentExecution() {
        JsonNode executions = admin.get("/realms/" + realm + "/authentication/flows/vigil%20browser%20forms/executions");
        for (JsonNode execution : executions) {
            if ("vigil-consent".equals(execution.path("providerId").asText())) {
                return execution;
            }
        }
        throw new AssertionError("no vigil-consent step in " + executions);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
