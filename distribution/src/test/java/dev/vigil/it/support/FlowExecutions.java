package dev.vigil.it.support;

import java.util.HashMap;
import java.util.Map;

/** An authenticator step of a flow in a realm's JSON, as the test realms build their flows. */
final class FlowExecutions {

    private FlowExecutions() {
    }

    /** A REQUIRED step; {@code config} is the alias of its authenticator config, or null for none. */
    static Map<String, Object> required(String authenticator, int priority, String config) {
        Map<String, Object> execution = new HashMap<>();
        execution.put("authenticator", authenticator);
        execution.put("requirement", "REQUIRED");
        execution.put("priority", priority);
        execution.put("authenticatorFlow", false);
        execution.put("userSetupAllowed", false);
        if (config != null) {
            execution.put("authenticatorConfig", config);
        }
        return execution;
    }
}
