package dev.vigil.privacy.consent;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Holds at the realm's current terms every sign-in that did not pass the consent step: Keycloak evaluates each
 * required action's trigger after every authentication, so a single sign-on through the cookie, or a flow an admin
 * built without the step, still meets the terms when a new version was published. A user who already accepted
 * the current version (the consent step just ran, say) never sees it.
 */
final class ConsentCheck implements RequiredActionProvider {

    private final ConsentStores stores;

    ConsentCheck(ConsentStores stores) {
        this.stores = stores;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        boolean pending;
        try {
            pending = pendingTerms(context).isPresent();
        } catch (InvalidSetting bad) {
            pending = true; // the challenge refuses the sign-in with a clear page
        }
        if (pending) {
            context.getAuthenticationSession().addRequiredAction(ConsentCheckFactory.ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<ConsentConfig> terms = pendingOrAnswered(context);
        if (terms.isEmpty()) {
            return;
        }
        context.challenge(ConsentAuthenticator.termsPage(context.form(), terms.get()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        Optional<ConsentConfig> terms = pendingOrAnswered(context);
        if (terms.isEmpty()) {
            return;
        }
        ConsentConfig config = terms.get();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(ConsentAuthenticator.ACCEPT)) {
            stores.of(context.getSession()).recordAcceptance(context.getRealm().getId(), context.getUser().getId(),
                    config.termsVersion(), config.purposes());
            context.getEvent().detail(ConsentAuthenticator.DETAIL_TERMS_VERSION, config.termsVersion());
            context.success();
        } else if (form.containsKey(ConsentAuthenticator.REFUSE)) {
            context.getEvent().detail(ConsentAuthenticator.DETAIL_TERMS_VERSION, config.termsVersion())
                    .detail("reason", ConsentAuthenticator.REFUSED_REASON);
            context.failure("vigilConsentRefused");
        } else {
            context.challenge(ConsentAuthenticator.termsPage(context.form(), config));
        }
    }

    /**
     * The terms still to accept; empty once the request is answered: the action done (nothing pending) or, when a
     * stored consent setting is out of range, the sign-in refused on a clear page.
     */
    private Optional<ConsentConfig> pendingOrAnswered(RequiredActionContext context) {
        try {
            Optional<ConsentConfig> terms = pendingTerms(context);
            if (terms.isEmpty()) {
                context.success();
            }
            return terms;
        } catch (InvalidSetting bad) {
            refuseMisconfigured(context, bad);
            return Optional.empty();
        }
    }

    /** A stored consent setting out of range: nobody's current terms are known, so the sign-in stops here. */
    private static void refuseMisconfigured(RequiredActionContext context, InvalidSetting bad) {
        BadSettings.report(context.getSession(), context.getRealm(), ConsentCheckFactory.ID, bad);
        context.challenge(context.form().setError("vigilConsentMisconfigured").createErrorPage(BadSettings.PAGE_STATUS));
    }

    /** The realm's terms when this client requires them and the user has not accepted their current version. */
    private Optional<ConsentConfig> pendingTerms(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        return CurrentConsent.pendingFor(session, stores.of(session), context.getRealm(), context.getUser(),
                context.getAuthenticationSession().getClient().getClientId());
    }

    @Override
    public void close() {
    }
}
