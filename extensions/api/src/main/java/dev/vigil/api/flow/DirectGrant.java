package dev.vigil.api.flow;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * The password grant (direct access grants) runs a flow where no page can be shown: a step there either passes
 * or refuses with an OAuth error. Keycloak's token endpoint runs that flow on its own flow path, whichever flow
 * the realm or the client binds to it, so the path tells it from a browser, reset or broker flow.
 */
public final class DirectGrant {

    /** The flow path Keycloak's token endpoint gives the direct-grant flow. */
    static final String FLOW_PATH = "token";

    private DirectGrant() {
    }

    public static boolean isDirectGrant(AuthenticationFlowContext context) {
        return FLOW_PATH.equals(context.getFlowPath());
    }

    /** The token endpoint's refusal: {@code 400 invalid_grant}, with a description a client developer can act on. */
    public static Response refusal(String description) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new OAuth2ErrorRepresentation(OAuthErrorException.INVALID_GRANT, description))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
