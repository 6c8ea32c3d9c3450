package dev.vigil.it.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A second realm on the same server acting as an OpenID Connect identity provider of a realm under test: the
 * upstream realm with a confidential client for the broker, and the identity provider registered downstream with
 * the given post-login flow. Both are removed on close.
 */
public final class UpstreamProvider implements AutoCloseable {

    private static final String BROKER_CLIENT = "broker";

    private final AdminApi admin;
    private final String upstream;
    private final String downstream;
    private final String alias;

    private UpstreamProvider(AdminApi admin, String upstream, String downstream, String alias) {
        this.admin = admin;
        this.upstream = upstream;
        this.downstream = downstream;
        this.alias = alias;
    }

    public static UpstreamProvider of(AdminApi admin, VigilServer server, String downstream, String postLoginFlow) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String upstream = "upstream-" + suffix;
        String alias = "upstream-" + suffix;
        String secret = UUID.randomUUID().toString();
        AdminApi.expect(201, admin.post("/realms", Map.of(
                "realm", upstream,
                "enabled", true,
                // Like the demo realm in the suite: plain HTTP from the test addresses (see VigilServerExtension).
                "sslRequired", "none",
                "clients", List.of(Map.of(
                        "clientId", BROKER_CLIENT,
                        "publicClient", false,
                        "secret", secret,
                        "standardFlowEnabled", true,
                        "redirectUris", List.of(server.realmUri(downstream) + "/broker/" + alias + "/endpoint"))))));
        String issuer = server.realmUri(upstream).toString();
        AdminApi.expect(201, admin.post("/realms/" + downstream + "/identity-provider/instances", Map.of(
                "alias", alias,
                "providerId", "oidc",
                "enabled", true,
                "trustEmail", true,
                "postBrokerLoginFlowAlias", postLoginFlow,
                "config", Map.of(
                        "issuer", issuer,
                        "authorizationUrl", issuer + "/protocol/openid-connect/auth",
                        "tokenUrl", issuer + "/protocol/openid-connect/token",
                        "clientId", BROKER_CLIENT,
                        "clientSecret", secret,
                        "clientAuthMethod", "client_secret_post",
                        "defaultScope", "openid email profile",
                        "validateSignature", "false",
                        "syncMode", "IMPORT"))));
        return new UpstreamProvider(admin, upstream, downstream, alias);
    }

    public String alias() {
        return alias;
    }

    /** A user of the upstream realm (the downstream realm learns it at the first broker login). */
    public FreshUser user(String prefix) {
        return FreshUser.in(admin, upstream, prefix);
    }

    @Override
    public void close() {
        AdminApi.expect(204, admin.delete("/realms/" + downstream + "/identity-provider/instances/" + alias));
        AdminApi.expect(204, admin.delete("/realms/" + upstream));
    }
}
