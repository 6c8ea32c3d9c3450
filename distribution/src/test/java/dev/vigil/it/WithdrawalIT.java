package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.TokenEndpoints;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Withdrawal, erasure and deletion end everything: online and offline sessions, so that no refresh token
 * issued before mints a token again and introspection calls every earlier token inactive.
 */
@ExtendWith(VigilServerExtension.class)
class WithdrawalIT {

    private static final URI SITE_CALLBACK = URI.create("http://127.0.0.1:8088/oidc/callback");

    private VigilServer server;
    private AdminApi admin;
    private TokenEndpoints site;
    private String clientId;
    private String secret;
    private FreshUser user;
    private Tokens online;
    private Tokens offline;

    @BeforeEach
    void aUserSignedInOnlineAndOffline(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        clientId = "withdrawal-rp-" + UUID.randomUUID();
        secret = UUID.randomUUID().toString();
        createResourceServer();
        site = new TokenEndpoints(server.realmUri(DemoRealm.REALM), clientId, secret);
        user = FreshUser.in(admin, DemoRealm.REALM, "withdrawal");
        online = signIn(new Scope("openid"));
        offline = signIn(new Scope("openid", "offline_access"));
        assertThat(offline.getRefreshToken().getValue()).as("an offline token").isNotEqualTo(online.getRefreshToken().getValue());
        AdminApi.expect(200, site.refresh(offline.getRefreshToken().getValue()));
        AdminApi.expect(200, site.refresh(online.getRefreshToken().getValue()));
        assertThat(site.active(offline.getAccessToken().getValue())).isTrue();
    }

    @Test
    void withdrawingConsentEndsOfflineAndOnlineTokens() {
        AdminApi.expect(200, self().post(me("consent/withdraw")));

        assertEverythingEnded();
    }

    @Test
    void erasingTheDataEndsOfflineAndOnlineTokens() {
        AdminApi.expect(200, self().delete(me("data")));

        assertEverythingEnded();
    }

    @Test
    void deletingTheUserEndsOfflineAndOnlineTokens() {
        AdminApi.expect(204, admin.delete("/realms/" + DemoRealm.REALM + "/users/" + user.id()));

        assertEverythingEnded();
    }

    private void assertEverythingEnded() {
        for (Tokens tokens : new Tokens[] {offline, online}) {
            HttpResponse<String> refreshed = site.refresh(tokens.getRefreshToken().getValue());
            assertThat(refreshed.statusCode()).as("refresh: %s", refreshed.body()).isEqualTo(400);
            assertThat(AdminApi.json(refreshed).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(site.active(tokens.getRefreshToken().getValue())).as("refresh token introspected").isFalse();
            assertThat(site.active(tokens.getAccessToken().getValue())).as("access token introspected").isFalse();
        }
        assertThat(site.userinfo(offline.getAccessToken().getValue()).statusCode()).isEqualTo(401);
    }

    /**
     * A confidential client like demo-site that is also in its own tokens' audience: Keycloak introspects a token
     * only for a client it was issued to.
     */
    private void createResourceServer() {
        AdminApi.expect(201, admin.post("/realms/" + DemoRealm.REALM + "/clients", Map.of(
                "clientId", clientId,
                "secret", secret,
                "publicClient", false,
                "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false,
                "redirectUris", List.of(SITE_CALLBACK.toString()),
                "protocolMappers", List.of(Map.of(
                        "name", "own audience",
                        "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.client.audience", clientId, "access.token.claim", "true",
                                "introspection.token.claim", "true"))))));
    }

    private Tokens signIn(Scope scope) {
        OidcRelyingParty client = OidcRelyingParty.confidentialClient(server.realmUri(DemoRealm.REALM), clientId,
                secret, SITE_CALLBACK);
        OidcRelyingParty.Attempt attempt = client.begin(scope);
        var back = LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(), user, new Outbox(server));
        return client.finish(attempt, back.location()).tokens();
    }

    private BearerClient self() {
        return new BearerClient(online.getAccessToken().getValue());
    }

    private URI me(String path) {
        return URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/me/" + path);
    }
}
