package dev.vigil.it.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes for a while the max age of one level of authentication in a realm's browser flow (the
 * "Condition - Level of Authentication" step's {@code loa-max-age}), as an admin would in the console; {@link #close()}
 * puts the old value back. Keycloak's clock cannot be moved in a production build, so a test makes a level's max age
 * pass by shortening it instead.
 */
public final class LevelMaxAge implements AutoCloseable {

    private static final String CONDITION = "conditional-level-of-authentication";
    private static final String MAX_AGE = "loa-max-age";

    private final AdminApi admin;
    private final String path;
    private final JsonNode original;

    private LevelMaxAge(AdminApi admin, String path, JsonNode original) {
        this.admin = admin;
        this.path = path;
        this.original = original;
    }

    /** Sets the max age of the condition for {@code level} in {@code flow} of {@code realm} to {@code seconds}. */
    public static LevelMaxAge set(AdminApi admin, String realm, String flow, int level, int seconds) {
        JsonNode executions = admin.get("/realms/" + realm + "/authentication/flows/"
                + URLEncoder.encode(flow, StandardCharsets.UTF_8).replace("+", "%20") + "/executions");
        for (JsonNode execution : executions) {
            if (CONDITION.equals(execution.path("providerId").asText()) && execution.hasNonNull("authenticationConfig")) {
                String path = "/realms/" + realm + "/authentication/config/" + execution.path("authenticationConfig").asText();
                JsonNode config = admin.get(path);
                if (Integer.toString(level).equals(config.path("config").path("loa-condition-level").asText())) {
                    ObjectNode changed = config.deepCopy();
                    ((ObjectNode) changed.path("config")).put(MAX_AGE, Integer.toString(seconds));
                    AdminApi.expect(204, admin.put(path, changed));
                    return new LevelMaxAge(admin, path, config);
                }
            }
        }
        throw new AssertionError("no level " + level + " condition in flow " + flow + " of " + realm);
    }

    @Override
    public void close() {
        AdminApi.expect(204, admin.put(path, original));
    }
}
