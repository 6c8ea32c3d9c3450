package dev.vigil.it.support;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The settings of one step of the demo realm's browser flow ("Vigil consent": terms, clients, collection,
 * retention; "Vigil risk evaluation": thresholds, rules, mode), changed through the admin REST API exactly as
 * the admin console saves them, and put back afterwards; the code step of the reset-credentials flow likewise.
 */
public final class StepSettings {

    private final AdminApi admin;
    private final String realm;
    private final String providerId;
    private final String flow;

    private StepSettings(AdminApi admin, String realm, String providerId, String flow) {
        this.admin = admin;
        this.realm = realm;
        this.providerId = providerId;
        this.flow = flow;
    }

    private StepSettings(AdminApi admin, String realm, String providerId) {
        this(admin, realm, providerId, "vigil browser forms");
    }

    public static StepSettings consent(AdminApi admin, String realm) {
        return new StepSettings(admin, realm, "vigil-consent");
    }

    public static StepSettings risk(AdminApi admin, String realm) {
        return new StepSettings(admin, realm, "vigil-risk-evaluation");
    }

    public static StepSettings otp(AdminApi admin, String realm) {
        return new StepSettings(admin, realm, "vigil-otp");
    }

    /** The code step of "forgot password?" (its own settings, but the same realm-wide sending budget). */
    public static StepSettings resetOtp(AdminApi admin, String realm) {
        return new StepSettings(admin, realm, "vigil-otp", "vigil reset credentials");
    }

    /** Changes the step's config for good. */
    public void change(UnaryOperator<ObjectNode> change) {
        String path = configPath();
        ObjectNode changed = admin.get(path).deepCopy();
        change.apply((ObjectNode) changed.path("config"));
        AdminApi.expect(204, admin.put(path, changed));
    }

    /** Runs {@code body} with the step's config changed by {@code change}; restores the original after. */
    public void with(UnaryOperator<ObjectNode> change, ThrowingRunnable body) throws Exception {
        String path = configPath();
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

    private String configPath() {
        return "/realms/" + realm + "/authentication/config/" + execution().path("authenticationConfig").asText();
    }

    private JsonNode execution() {
        JsonNode executions = admin.get("/realms/" + realm + "/authentication/flows/" + flow.replace(" ", "%20") + "/executions");
        for (JsonNode execution : executions) {
            if (providerId.equals(execution.path("providerId").asText())) {
                return execution;
            }
        }
        throw new AssertionError("no " + providerId + " step in " + executions);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
