package dev.vigil.privacy.history;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.HistoryStore;
import dev.vigil.privacy.store.Pseudonyms;
import dev.vigil.privacy.store.RealmKeys;
import dev.vigil.privacy.store.Restrictions;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The sign-in history under the realm's privacy rules: it keeps only the features the realm collects,
 * pseudonymizes identifying ones with the realm's key, keeps the place only at city precision, and
 * records nothing for a user whose processing is restricted.
 */
public class PrivacyKeptHistory implements SignInHistoryProvider {

    private final KeycloakSession session;
    private final Clock clock;

    PrivacyKeptHistory(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public boolean collects(RealmModel realm, Feature feature) {
        return PrivacySettings.of(realm).collects(feature);
    }

    @Override
    public boolean processingRestricted(RealmModel realm, UserModel user) {
        return new Restrictions(em(), clock).isRestricted(realm.getId(), user.getId());
    }

    @Override
    public Optional<SignIn> record(RealmModel realm, UserModel user, SignIn observed) {
        if (processingRestricted(realm, user)) {
            return Optional.empty();
        }
        SignIn kept = new KeepRules(PrivacySettings.of(realm), pseudonyms(realm)).keep(observed);
        return Optional.of(new HistoryStore(em()).add(realm.getId(), user.getId(), kept, KeepRules.deviceKey(kept)));
    }

    @Override
    public List<SignIn> recent(RealmModel realm, UserModel user, int limit) {
        return new HistoryStore(em()).recent(realm.getId(), user.getId(), limit);
    }

    @Override
    public String stored(RealmModel realm, Feature feature, String rawValue) {
        return feature.pseudonymized() ? pseudonyms(realm).of(feature, rawValue) : rawValue;
    }

    private Pseudonyms pseudonyms(RealmModel realm) {
        return new Pseudonyms(new RealmKeys(session, clock).secret(realm.getId()));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
