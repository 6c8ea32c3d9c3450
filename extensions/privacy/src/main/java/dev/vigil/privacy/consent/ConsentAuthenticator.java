package dev.vigil.privacy.consent;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.api.flow.CurrentTermsNote;
import dev.vigil.api.flow.DirectGrant;
import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.ConsentStore;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The consent gate: right after the password, before any device data is collected, the user accepts
 * the current terms or is not logged in. Refusing stores nothing; accepting stores one consent record.
 */
public class ConsentAuthenticator implements Authenticator {

    static final String TEMPLATE = "vigil-consent.ftl";
    static final String ACCEPT = "accept";
    static final String REFUSE = "refuse";
    static final String DETAIL_TERMS_VERSION = "vigil_terms_version";
    static final String REFUSED_REASON = "vigil_consent_refused";
    /** The event error of a password grant by a user who has not accepted the current terms. */
    static final String REQUIRED_ERROR = "vigil_consent_required";

    private final ConsentStores stores;

    ConsentAuthenticator(ConsentStores stores) {
        this.stores = stores;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<ConsentConfig> settings = settings(context);
        if (settings.isEmpty()) {
            return;
        }
        ConsentConfig config = settings.get();
        if (!config.requiredFor(context.getAuthenticationSession().getClient().getClientId())) {
            context.success();
            return;
        }
        if (store(context).hasActiveConsent(context.getRealm().getId(), context.getUser().getId(), config.termsVersion())) {
            CurrentTermsNote.mark(context.getAuthenticationSession(), context.getUser());
            context.success();
            return;
        }
        if (DirectGrant.isDirectGrant(context)) {
            // No page to show the terms on: the user accepts them in a browser sign-in first.
            context.getEvent().user(context.getUser()).detail(DETAIL_TERMS_VERSION, config.termsVersion())
                    .error(REQUIRED_ERROR);
            context.failure(AuthenticationFlowError.ACCESS_DENIED,
                    DirectGrant.refusal("The current terms must be accepted in a browser sign-in first"));
            return;
        }
        context.challenge(termsPage(context.form(), config));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<ConsentConfig> settings = settings(context);
        if (settings.isEmpty()) {
            return;
        }
        ConsentConfig config = settings.get();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(ACCEPT)) {
            store(context).recordAcceptance(context.getRealm().getId(), context.getUser().getId(),
                    config.termsVersion(), config.purposes());
            CurrentTermsNote.mark(context.getAuthenticationSession(), context.getUser());
            context.getEvent().detail(DETAIL_TERMS_VERSION, config.termsVersion());
            context.success();
        } else if (form.containsKey(REFUSE)) {
            context.getEvent().detail(DETAIL_TERMS_VERSION, config.termsVersion()).detail("reason", REFUSED_REASON);
            context.failure(AuthenticationFlowError.ACCESS_DENIED,
                    context.form().setError("vigilConsentRefused").createErrorPage(Response.Status.FORBIDDEN));
        } else {
            // Neither button: a malformed or replayed post. Ask again rather than guess.
            context.challenge(termsPage(context.form(), config));
        }
    }

    /**
     * The step's settings, with the realm's privacy settings saved alongside them checked too (the terms describe
     * them); empty, with the sign-in refused on a clear page, when a stored one is out of range.
     */
    private static Optional<ConsentConfig> settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        try {
            PrivacySettings.from(model);
            return Optional.of(ConsentConfig.from(model));
        } catch (InvalidSetting bad) {
            BadSettings.report(context.getSession(), context.getRealm(), ConsentAuthenticatorFactory.ID, bad);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR,
                    context.form().setError("vigilConsentMisconfigured").createErrorPage(BadSettings.PAGE_STATUS));
            return Optional.empty();
        }
    }

    /** The terms page, shown by this step and by {@link ConsentCheck} after a single sign-on. */
    static Response termsPage(LoginFormsProvider form, ConsentConfig config) {
        return form
                .setAttribute("vigilTermsVersion", config.termsVersion())
                .setAttribute("vigilPolicyUrl", config.policyUrl())
                .setAttribute("vigilPurposes", config.purposes())
                .createForm(TEMPLATE);
    }

    private ConsentStore store(AuthenticationFlowContext context) {
        return stores.of(context.getSession());
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
