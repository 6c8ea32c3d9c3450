package dev.vigil.it.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A realm made for OTP tests through the admin API, independent of the demo realm's flows: browser flow
 * password form, then Vigil OTP with the given settings; events stored; the phone enrolment action
 * registered next to Keycloak's default required actions; a public PKCE client {@value #CLIENT}.
 */
public final class OtpRealm {

    public static final String CLIENT = "otp-app";
    public static final URI CALLBACK = URI.create("http://127.0.0.1:53682/callback");

    /** Settings that keep tests of other things clear of the realm-wide, per-user and per-session sending limits. */
    public static final Map<String, String> ROOMY = Map.of(
            "maxSendsPerIpPerHour", "100000",
            "maxSendsPerRealmPerMinute", "100000",
            "maxSendsPerUserPerHour", "1000",
            "maxSendsPerSession", "100",
            "resendCooldownSeconds", "0");

    private final AdminApi admin;
    private final VigilNode server;
    private final String name;

    private OtpRealm(AdminApi admin, VigilNode server, String name) {
        this.admin = admin;
        this.server = server;
        this.name = name;
    }

    /** A new realm whose Vigil OTP step has {@code settings} over {@link #ROOMY}. */
    public static OtpRealm create(AdminApi admin, VigilNode server, String prefix, Map<String, String> settings) {
        return create(admin, server, prefix, settings, List.of(Map.of(
                "alias", "otp browser",
                "providerId", "basic-flow",
                "topLevel", true,
                "builtIn", false,
                "authenticationExecutions", List.of(
                        FlowExecutions.required("auth-username-password-form", 10, null),
                        FlowExecutions.required("vigil-otp", 20, "vigil otp settings")))), List.of());
    }

    /**
     * A realm shaped like the demo realm without the consent gate: SSO cookie, or password, Vigil risk evaluation
     * with {@code riskSettings}, and the Vigil OTP step (with {@code settings} over {@link #ROOMY}) when the level is
     * MEDIUM or HIGH. So a test chooses the level by the address it signs in from (trusted or denied networks).
     */
    public static OtpRealm createWithRiskStepUp(AdminApi admin, VigilNode server, String prefix, Map<String, String> settings,
                                                Map<String, String> riskSettings) {
        Map<String, Object> browser = Map.of("alias", "risk browser", "providerId", "basic-flow", "topLevel", true,
                "builtIn", false, "authenticationExecutions", List.of(
                        alternative(FlowExecutions.required("auth-cookie", 10, null)),
                        alternative(subflow("risk forms", 20))));
        Map<String, Object> forms = Map.of("alias", "risk forms", "providerId", "basic-flow", "topLevel", false,
                "builtIn", false, "authenticationExecutions", List.of(
                        FlowExecutions.required("auth-username-password-form", 10, null),
                        FlowExecutions.required("vigil-risk-evaluation", 20, "vigil risk settings"),
                        conditional(subflow("risk step-up", 30))));
        Map<String, Object> stepUp = Map.of("alias", "risk step-up", "providerId", "basic-flow", "topLevel", false,
                "builtIn", false, "authenticationExecutions", List.of(
                        FlowExecutions.required("vigil-risk-level-condition", 10, "vigil step-up levels"),
                        FlowExecutions.required("vigil-otp", 20, "vigil otp settings")));
        return create(admin, server, prefix, settings, List.of(browser, forms, stepUp), List.of(
                Map.of("alias", "vigil risk settings", "config", riskSettings),
                Map.of("alias", "vigil step-up levels", "config", Map.of("levels", "MEDIUM##HIGH", "negate", "false"))));
    }

    private static OtpRealm create(AdminApi admin, VigilNode server, String prefix, Map<String, String> settings,
                                   List<Map<String, Object>> flows, List<Map<String, Object>> otherConfigs) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = new HashMap<>(ROOMY);
        config.putAll(settings);
        Map<String, Object> realm = new HashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        // Logins may appear to come from public test addresses through the suite's plain-HTTP proxy on loopback.
        realm.put("sslRequired", "none");
        realm.put("eventsEnabled", true);
        realm.put("internationalizationEnabled", true);
        realm.put("supportedLocales", List.of("en", "fr", "de"));
        realm.put("defaultLocale", "en");
        realm.put("clients", List.of(Map.of(
                "clientId", CLIENT,
                "publicClient", true,
                "standardFlowEnabled", true,
                "redirectUris", List.of("http://127.0.0.1:*"),
                "attributes", Map.of("pkce.code.challenge.method", "S256"))));
        List<Map<String, Object>> configs = new ArrayList<>(otherConfigs);
        configs.add(Map.of("alias", "vigil otp settings", "config", config));
        realm.put("authenticatorConfig", configs);
        realm.put("authenticationFlows", flows);
        realm.put("browserFlow", flows.get(0).get("alias"));
        AdminApi.expect(201, admin.post("/realms", realm));
        AdminApi.expect(204, admin.post("/realms/" + name + "/authentication/register-required-action",
                Map.of("providerId", "vigil-phone-enrollment", "name", "Register a phone for sign-in codes")));
        return new OtpRealm(admin, server, name);
    }

    private static Map<String, Object> subflow(String alias, int priority) {
        Map<String, Object> execution = new HashMap<>();
        execution.put("flowAlias", alias);
        execution.put("requirement", "REQUIRED");
        execution.put("priority", priority);
        execution.put("authenticatorFlow", true);
        execution.put("userSetupAllowed", false);
        return execution;
    }

    private static Map<String, Object> alternative(Map<String, Object> execution) {
        execution.put("requirement", "ALTERNATIVE");
        return execution;
    }

    private static Map<String, Object> conditional(Map<String, Object> execution) {
        execution.put("requirement", "CONDITIONAL");
        return execution;
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

    /** A user whose verified phone is {@code e164}, as enrolment would leave it. */
    public FreshUser userWithPhone(String prefix, String e164) {
        FreshUser user = user(prefix);
        AdminApi.expect(204, admin.put("/realms/" + name + "/users/" + user.id(), Map.of(
                "credentials", List.of(Map.of(
                        "type", "vigil-phone",
                        "userLabel", "phone",
                        "credentialData", "{\"phoneNumber\":\"" + e164 + "\"}",
                        "secretData", "{}")))));
        return user;
    }

    /** A user with neither a phone nor a verified e-mail address: their address was never confirmed. */
    public FreshUser userWithUnverifiedEmail(String prefix) {
        FreshUser user = user(prefix);
        AdminApi.expect(204, admin.put("/realms/" + name + "/users/" + user.id(), Map.of("emailVerified", false)));
        return user;
    }

    /** A user who must register a phone at their next sign-in. */
    public FreshUser userToEnrol(String prefix) {
        FreshUser user = user(prefix);
        AdminApi.expect(204, admin.put("/realms/" + name + "/users/" + user.id(),
                Map.of("requiredActions", List.of("vigil-phone-enrollment"))));
        return user;
    }

    public JsonNode credentials(FreshUser user) {
        return admin.get("/realms/" + name + "/users/" + user.id() + "/credentials");
    }

    /** The user's registered phones (credentials of type {@code vigil-phone}). */
    public List<JsonNode> phones(FreshUser user) {
        return credentials(user).findParents("type").stream()
                .filter(credential -> "vigil-phone".equals(credential.path("type").asText()))
                .toList();
    }

    /** The user's stored login events of {@code type} (e.g. LOGIN_ERROR), newest first. */
    public List<JsonNode> events(FreshUser user, String type) {
        return stored(user, "&type=" + type);
    }

    /** Events of {@code type} whose {@code vigil_event} detail is {@code vigilEvent}. */
    public List<JsonNode> vigilEvents(FreshUser user, String type, String vigilEvent) {
        return withVigilEvent(events(user, type), vigilEvent);
    }

    /** Events of any type whose {@code vigil_event} detail is {@code vigilEvent}. */
    public List<JsonNode> vigilEvents(FreshUser user, String vigilEvent) {
        return withVigilEvent(stored(user, ""), vigilEvent);
    }

    private List<JsonNode> stored(FreshUser user, String filter) {
        List<JsonNode> events = new ArrayList<>();
        admin.get("/realms/" + name + "/events?user=" + user.id() + filter + "&max=500").forEach(events::add);
        return events;
    }

    private static List<JsonNode> withVigilEvent(List<JsonNode> events, String vigilEvent) {
        return events.stream().filter(event -> vigilEvent.equals(event.path("details").path("vigil_event").asText())).toList();
    }

    public void updateRealm(Map<String, Object> changes) {
        AdminApi.expect(204, admin.put("/realms/" + name, changes));
    }

    /** A random valid French mobile number (+33 61x xx xx xx), so that per-number limits never meet across tests. */
    public static String randomMobile() {
        return String.format("+3361%07d", new java.security.SecureRandom().nextInt(10_000_000));
    }
}
