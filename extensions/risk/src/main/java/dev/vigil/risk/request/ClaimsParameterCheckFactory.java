package dev.vigil.risk.request;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpointCheckProvider;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpointCheckProviderFactory;

/**
 * Registers {@link ClaimsParameterCheck} with Keycloak's authorization endpoint checks (SPI {@code auth-endpoint-check},
 * which Keycloak marks internal: it runs on every authorization request, after Keycloak's own checks and before the
 * authentication session is made).
 */
public class ClaimsParameterCheckFactory implements AuthorizationEndpointCheckProviderFactory {

    public static final String ID = "vigil-claims-parameter";

    private static final ClaimsParameterCheck CHECK = new ClaimsParameterCheck();

    @Override
    public AuthorizationEndpointCheckProvider create(KeycloakSession session) {
        return CHECK;
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
