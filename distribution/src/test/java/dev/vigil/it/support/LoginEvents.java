package dev.vigil.it.support;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** A user's recent login events of one realm, newest first, through the admin REST API. */
public final class LoginEvents {

    private final AdminApi admin;
    private final String realm;

    public LoginEvents(AdminApi admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    public List<JsonNode> of(FreshUser user, String type) {
        JsonNode events = admin.get("/realms/" + realm + "/events?user=" + user.id() + "&type=" + type + "&max=20");
        return StreamSupport.stream(events.spliterator(), false).toList();
    }

    /** The newest {@code type} event of the user whose error is {@code error}; fails the test when there is none. */
    public JsonNode withError(FreshUser user, String type, String error) {
        return of(user, type).stream()
                .filter(event -> error.equals(event.path("error").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event with error " + error + " in " + of(user, type)));
    }

    public JsonNode latest(FreshUser user, String type) {
        return of(user, type).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event of " + user.username()));
    }

    /** The reasons the risk step gave for the login of {@code event}. */
    public static List<String> riskReasons(JsonNode event) {
        return List.of(event.path("details").path("vigil_risk_reasons").asText().split(","));
    }
}
