package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
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
    private FreshUser user;
    private Tokens online;
    private Tokens offline;

    @BeforeEach
    void aUserSignedInOnlineAndOffline(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        SignedInOnlineAndOffline signedIn = SignedInOnlineAndOffline.through(server, admin, "withdrawal", SITE_CALLBACK, Map.of());
        site = signedIn.endpoints();
        user = signedIn.user();
        online = signedIn.online();
        offline = signedIn.offline();
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

    private BearerClient self() {
        return new BearerClient(online.getAccessToken().getValue());
    }

    private URI me(String path) {
        return URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/me/" + path);
    }
}
