package dev.vigil.it;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.TokenEndpoints;
import dev.vigil.it.support.VigilServer;

/**
 * A new demo-realm user signed in twice, each time in a new browser, through a new confidential client like
 * demo-site: once online, once with {@code offline_access}. The client is in its own tokens' audience, since Keycloak
 * introspects or exchanges a token only for a client it was issued to.
 */
record SignedInOnlineAndOffline(String clientId, OidcRelyingParty site, TokenEndpoints endpoints, FreshUser user,
        Tokens online, Tokens offline) {

    /** {@code clientAttributes} are the client's further attributes (e.g. token exchange enabled). */
    static SignedInOnlineAndOffline through(VigilServer server, AdminApi admin, String prefix, URI callback,
            Map<String, String> clientAttributes) {
        String clientId = prefix + "-rp-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = new HashMap<>(Map.of(
                "clientId", clientId,
                "secret", secret,
                "publicClient", false,
                "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false,
                "redirectUris", List.of(callback.toString()),
                "protocolMappers", List.of(Map.of(
                        "name", "own audience",
                        "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.client.audience", clientId, "access.token.claim", "true",
                                "introspection.token.claim", "true")))));
        client.put("attributes", clientAttributes);
        AdminApi.expect(201, admin.post("/realms/" + DemoRealm.REALM + "/clients", client));
        OidcRelyingParty site = OidcRelyingParty.confidentialClient(server.realmUri(DemoRealm.REALM), clientId, secret, callback);
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, prefix);
        Outbox outbox = new Outbox(server);
        return new SignedInOnlineAndOffline(clientId, site, new TokenEndpoints(server.realmUri(DemoRealm.REALM), clientId, secret),
                user, signIn(site, new Scope("openid"), user, outbox), signIn(site, new Scope("openid", "offline_access"), user, outbox));
    }

    private static Tokens signIn(OidcRelyingParty site, Scope scope, FreshUser user, Outbox outbox) {
        OidcRelyingParty.Attempt attempt = site.begin(scope);
        Page back = LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(), user, outbox);
        return site.finish(attempt, back.location()).tokens();
    }
}
