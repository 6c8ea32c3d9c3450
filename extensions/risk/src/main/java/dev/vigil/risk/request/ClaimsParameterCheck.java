package dev.vigil.risk.request;

import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpointCheckProvider;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpointChecker;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpointChecker.AuthorizationCheckException;

/**
 * Refuses an authorization request whose {@code claims} parameter is malformed ({@link ClaimsParameter}) with the
 * OIDC error {@code invalid_request}, sent back to the client's redirect URI, before Keycloak reads the acr it asks
 * for.
 */
public class ClaimsParameterCheck implements AuthorizationEndpointCheckProvider {

    @Override
    public void check(AuthorizationEndpointChecker checker) throws AuthorizationCheckException {
        var problem = ClaimsParameter.problemWith(checker.getAuthorizationEndpointRequest().getClaims());
        if (problem.isPresent()) {
            throw new AuthorizationCheckException(Response.Status.BAD_REQUEST, OAuthErrorException.INVALID_REQUEST,
                    problem.get());
        }
    }

    @Override
    public void close() {
    }
}
