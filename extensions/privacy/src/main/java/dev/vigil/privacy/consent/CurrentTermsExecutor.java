package dev.vigil.privacy.consent;

import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenExchangeRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Holds a refresh (online or offline) and a token exchange at the realm's current terms: neither shows a page, so
 * without this a user who stays signed in would keep getting tokens for a client that requires consent, never having
 * accepted a new terms version. A refresh is checked once Keycloak has verified the refresh token and found its
 * session, so the user and the client are known. The user accepts in a new browser sign-in; the consent is the
 * user's, not a session's, so their earlier sessions refresh again afterwards.
 */
final class CurrentTermsExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    /** The token endpoint's error_description; Keycloak puts it in the error event's client_policy_error_detail. */
    static final String REFUSAL = "The current terms must be accepted in a new sign-in ("
            + ConsentAuthenticator.REQUIRED_ERROR + ")";

    private final KeycloakSession session;
    private final ConsentStores stores;

    CurrentTermsExecutor(KeycloakSession session, ConsentStores stores) {
        this.session = session;
        this.stores = stores;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case TOKEN_REFRESH_RESPONSE -> refresh((TokenRefreshResponseContext) context);
            case TOKEN_EXCHANGE_REQUEST -> exchange((TokenExchangeRequestContext) context);
            default -> {
                // Other grants start from a sign-in through a flow; CIBA runs none: the door report names it.
            }
        }
    }

    private void refresh(TokenRefreshResponseContext refresh) throws ClientPolicyException {
        AuthenticatedClientSessionModel clientSession = refresh.getClientSession();
        holdAtNewTerms(clientSession.getRealm(), clientSession.getUserSession().getUser(), clientSession.getClient());
    }

    /**
     * A token exchange mints new tokens for the requesting client from the subject token's session, with no page
     * either. Keycloak verifies the subject token after this: one that does not verify here is left to it.
     */
    private void exchange(TokenExchangeRequestContext exchange) throws ClientPolicyException {
        TokenExchangeContext request = exchange.getTokenExchangeContext();
        String subjectToken = request.getParams().getSubjectToken();
        AccessToken subject = subjectToken == null ? null : session.tokens().decode(subjectToken, AccessToken.class);
        UserModel user = subject == null || subject.getSubject() == null ? null
                : session.users().getUserById(request.getRealm(), subject.getSubject());
        if (user != null) {
            holdAtNewTerms(request.getRealm(), user, request.getClient());
        }
    }

    private void holdAtNewTerms(RealmModel realm, UserModel user, ClientModel client) throws ClientPolicyException {
        try {
            if (CurrentConsent.pendingFor(session, stores.of(session), realm, user, client.getClientId()).isPresent()) {
                throw refused();
            }
        } catch (InvalidSetting bad) {
            // Nobody's current terms are known: no token is minted on them.
            BadSettings.report(session, realm, CurrentTermsExecutorFactory.ID, bad);
            throw refused();
        }
    }

    private static ClientPolicyException refused() {
        return new ClientPolicyException(OAuthErrorException.INVALID_GRANT, REFUSAL);
    }

    @Override
    public String getProviderId() {
        return CurrentTermsExecutorFactory.ID;
    }
}
