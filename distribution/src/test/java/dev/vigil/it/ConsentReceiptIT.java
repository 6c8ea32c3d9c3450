package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
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
 * A consent receipt is signed with the realm's token key, so it must never pass for a token: it is typed, bound
 * to an audience no client has, and expires; Keycloak's endpoints and a stock OIDC library refuse it.
 */
@ExtendWith(VigilServerExtension.class)
class ConsentReceiptIT {

    private VigilServer server;
    private SignedJWT receipt;

    @BeforeEach
    void aReceiptOfARealConsent(VigilServer server) throws Exception {
        this.server = server;
        FreshUser user = FreshUser.in(new AdminApi(server), DemoRealm.REALM, "receipt");
        OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                URI.create("http://127.0.0.1:53682/callback"));
        OidcRelyingParty.Attempt attempt = app.begin();
        var back = LoginJourney.signInCompletely(new HttpSession(), attempt.authorizationUri(), user, new Outbox(server));
        BearerClient self = new BearerClient(app.finish(attempt, back.location()).tokens().getAccessToken().getValue());
        JsonNode consent = AdminApi.json(AdminApi.expect(200, self.get(me("export")))).path("consents").get(0);
        receipt = SignedJWT.parse(AdminApi.expect(200, self.get(me("consents/" + consent.path("id").asText() + "/receipt"))).body());
    }

    @Test
    void isTypedAudienceBoundAndExpires() throws Exception {
        JWTClaimsSet claims = receipt.getJWTClaimsSet();

        assertThat(receipt.getHeader().getType()).isEqualTo(new JOSEObjectType("vigil-consent-receipt+jwt"));
        assertThat(claims.getAudience()).containsExactly(server.realmUri(DemoRealm.REALM) + "/vigil/consent-receipts");
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getClaim("typ")).as("no token type claim Keycloak could read as Bearer").isNull();
    }

    @Test
    void keycloaksUserinfoAndIntrospectionRefuseItAsABearerToken() {
        TokenEndpoints site = new TokenEndpoints(server.realmUri(DemoRealm.REALM), DemoRealm.SITE_CLIENT, DemoRealm.SITE_SECRET);

        assertThat(site.userinfo(receipt.serialize()).statusCode()).isEqualTo(401);
        assertThat(site.active(receipt.serialize())).isFalse();
        assertThat(new BearerClient(receipt.serialize()).get(me("export")).statusCode()).isEqualTo(401);
    }

    @Test
    void aStockJwtProcessorWithTheRealmsKeysRefusesItForItsType() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSet keys = JWKSet.load(URI.create(server.realmUri(DemoRealm.REALM) + "/protocol/openid-connect/certs").toURL());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));

        assertThatThrownBy(() -> processor.process(receipt, null))
                .isInstanceOf(BadJOSEException.class).hasMessageContaining("type");
    }

    private URI me(String path) {
        return URI.create(server.realmUri(DemoRealm.REALM) + "/vigil-privacy/me/" + path);
    }
}
