package dev.vigil.risk.token;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.risk.flow.RiskNotes;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Tells relying parties how risky the authentication that produced the token looked: the {@code vigil_risk} claim
 * carries the level (LOW, MEDIUM, HIGH; also in report-only mode, for tuning), and {@code acr} is raised from "1" to
 * "2" when the risk step sent the login through a step-up that it passed, for flows without Keycloak's
 * level-of-authentication conditions (in a flow with them, as the demo realm's, Keycloak's acr already says "2"). A
 * single sign-on through the cookie assessed nothing and gets no {@code vigil_risk}. It runs after Keycloak's own acr
 * mapper. The claim is advisory: it goes only into tokens of clients that have this mapper.
 */
public class RiskClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String ID = "vigil-risk-mapper";
    public static final String CLAIM = "vigil_risk";
    static final String RAISE_ACR = "raiseAcr";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>(ProviderConfigurationBuilder.create()
            .property().name(RAISE_ACR).label("Raise acr after step-up")
            .helpText("Set acr to \"2\" when the login passed a step-up required by its risk level"
                    + " (Keycloak's own value is \"1\" for a fresh login, \"0\" for single sign-on).")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true).add()
            .build());

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RiskClaimMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        boolean raise = !"false".equals(mapping.getConfig().get(RAISE_ACR));
        AuthenticationRisk.of(AuthenticationManager.isSSOAuthentication(clientSession),
                        clientSession.getNote(RiskNotes.ASSESSED_LEVEL), clientSession.getNote(RiskNotes.STEPPED_UP))
                .ifPresent(risk -> {
                    token.getOtherClaims().put(CLAIM, risk.level());
                    token.setAcr(risk.acr(token.getAcr(), raise));
                });
    }

    /** After Keycloak's acr mapper (priority 0), so that acr can be raised. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Vigil risk level";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the vigil_risk claim (LOW, MEDIUM or HIGH) to this client's tokens and raises acr after a risk step-up."
                + " The claim is advisory: it says how the login looked, it is not a decision; a site that needs a"
                + " stronger login asks for acr 2.";
    }
}
