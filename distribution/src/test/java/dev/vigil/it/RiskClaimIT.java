package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.OidcRelyingParty.SignedIn;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code vigil_risk} is advisory and published only to the clients given the "Vigil risk level" mapper: a client of
 * the same realm without it finds the claim in none of its tokens nor in the userinfo answer, while {@code acr},
 * which every OIDC client may ask for, is there.
 */
@ExtendWith(VigilServerExtension.class)
class RiskClaimIT {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:53685/callback");

    private VigilServer server;
    private FreshUser user;

    @BeforeEach
    void aUser(VigilServer server) {
        this.server = server;
        user = FreshUser.in(new AdminApi(server), DemoRealm.REALM, "claim");
    }

    @Test
    void aClientWithoutTheMapperGetsNoRiskClaimAnywhere() throws ParseException {
        String clientId = "no-risk-mapper-" + UUID.randomUUID();
        AdminApi.expect(201, new AdminApi(server).post("/realms/" + DemoRealm.REALM + "/clients", Map.of(
                "clientId", clientId,
                "publicClient", true,
                "standardFlowEnabled", true,
                "redirectUris", List.of(CALLBACK.toString()))));

        SignedIn signedIn = signIn(clientId);

        assertThat(signedIn.idToken().getACR().getValue()).as("stepped up: a first sign-in").isEqualTo("2");
        assertThat(signedIn.idToken().getClaim("vigil_risk")).isNull();
        assertThat(accessToken(signedIn).getClaim("vigil_risk")).isNull();
        assertThat(userInfo(signedIn).has("vigil_risk")).isFalse();
    }

    @Test
    void aClientWithTheMapperGetsItInEachOfThem() throws ParseException {
        SignedIn signedIn = signIn(DemoRealm.PUBLIC_CLIENT);

        assertThat(signedIn.idToken().getStringClaim("vigil_risk")).isEqualTo("MEDIUM");
        assertThat(accessToken(signedIn).getStringClaim("vigil_risk")).isEqualTo("MEDIUM");
        assertThat(userInfo(signedIn).path("vigil_risk").asText()).isEqualTo("MEDIUM");
    }

    private SignedIn signIn(String clientId) {
        OidcRelyingParty client = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), clientId, CALLBACK);
        Attempt attempt = client.begin();
        return client.finish(attempt, LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(), user,
                new Outbox(server)).location());
    }

    private static JWTClaimsSet accessToken(SignedIn signedIn) throws ParseException {
        return SignedJWT.parse(signedIn.tokens().getAccessToken().getValue()).getJWTClaimsSet();
    }

    private JsonNode userInfo(SignedIn signedIn) {
        URI endpoint = URI.create(server.realmUri(DemoRealm.REALM) + "/protocol/openid-connect/userinfo");
        return AdminApi.json(AdminApi.expect(200, new BearerClient(signedIn.tokens().getAccessToken().getValue()).get(endpoint)));
    }
}
