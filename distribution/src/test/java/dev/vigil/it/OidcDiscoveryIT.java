package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VigilServerExtension.class)
class OidcDiscoveryIT {

    @Test
    void demoRealmPublishesItsDiscoveryDocument(VigilServer server) {
        URI issuer = server.realmUri("vigil-demo");

        OIDCProviderMetadata metadata = OidcRelyingParty
                .publicClient(issuer, "demo-app", URI.create("http://127.0.0.1:1/callback")).provider();

        assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer.toString());
        assertThat(metadata.getAuthorizationEndpointURI()).hasToString(issuer + "/protocol/openid-connect/auth");
        assertThat(metadata.getTokenEndpointURI()).hasToString(issuer + "/protocol/openid-connect/token");
        assertThat(metadata.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
        assertThat(metadata.getJWKSetURI()).hasToString(issuer + "/protocol/openid-connect/certs");
    }

    @Test
    void demoRealmPublishesAnRsaSigningKey(VigilServer server) throws Exception {
        URI jwks = URI.create(server.realmUri("vigil-demo") + "/protocol/openid-connect/certs");

        JWKSet keys = JWKSet.load(jwks.toURL());

        assertThat(keys.getKeys())
                .anySatisfy(key -> {
                    assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
                    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
                    assertThat(key.getKeyID()).isNotBlank();
                    assertThat(key.isPrivate()).isFalse();
                });
    }
}
