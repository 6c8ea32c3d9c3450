package dev.vigil.privacy.consent;

import java.util.Optional;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.privacy.store.ConsentStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whether the user holds a consent to the realm's current terms: what Vigil needs before it learns anything
 * from a login. Consent is to the realm's terms, whichever client asked for it; a login through a client the
 * consent step does not ask for is still scored, from what is already known, but nothing is learnt from it.
 */
public final class CurrentConsent {

    private CurrentConsent() {
    }

    /** False too when the consent step's stored settings are out of range: then nobody's current terms are known. */
    public static boolean holds(KeycloakSession session, ConsentStore consents, RealmModel realm, UserModel user) {
        Optional<ConsentConfig> config;
        try {
            config = ConsentConfig.of(session, realm);
        } catch (InvalidSetting unknownTerms) {
            return false;
        }
        // A realm without a consent step has no terms anyone could have accepted: nothing is learnt there.
        return config.isPresent() && consents.hasActiveConsent(realm.getId(), user.getId(), config.get().termsVersion());
    }

    /**
     * The realm's terms when {@code clientId} requires them and the user has not accepted their current version:
     * what holds a sign-in, a refresh or a token exchange at the terms.
     *
     * @throws InvalidSetting when the consent step's stored settings are out of range
     */
    public static Optional<ConsentConfig> pendingFor(KeycloakSession session, ConsentStore consents, RealmModel realm,
                                                     UserModel user, String clientId) {
        return ConsentConfig.of(session, realm)
                .filter(config -> config.requiredFor(clientId))
                .filter(config -> !consents.hasActiveConsent(realm.getId(), user.getId(), config.termsVersion()));
    }
}
