package dev.vigil.privacy.history;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.privacy.consent.CurrentConsent;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.ConsentStore;
import dev.vigil.privacy.store.HistoryStore;
import dev.vigil.privacy.store.PopulationStore;
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
 * records nothing for a user whose processing is restricted or who holds no consent to the realm's current terms.
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
        return PrivacySettings.of(session, realm).collects(feature);
    }

    @Override
    public boolean processingRestricted(RealmModel realm, UserModel user) {
        return Restrictions.of(session, clock).isRestricted(realm.getId(), user.getId());
    }

    @Override
    public Optional<SignIn> record(RealmModel realm, UserModel user, SignIn observed) {
        if (processingRestricted(realm, user) || !CurrentConsent.holds(session, ConsentStore.of(session, clock), realm, user)) {
            return Optional.empty();
        }
        SignIn kept = new KeepRules(PrivacySettings.of(session, realm), pseudonyms(realm)).keep(observed);
        SignIn stored = new HistoryStore(em()).add(realm.getId(), user.getId(), kept, KeepRules.deviceKey(kept));
        session.getTransactionManager().enlistPrepare(
                new PopulationCountAtCommit(em(), realm.getId(), user.getId(), kept.features()));
        return Optional.of(stored);
    }

    @Override
    public PopulationCounts population(RealmModel realm, Map<Feature, String> storedValues) {
        return new PopulationStore(em()).read(realm.getId(), storedValues);
    }

    @Override
    public Optional<String> deviceOf(RealmModel realm, UserModel user, String signInId) {
        return new HistoryStore(em()).deviceOf(realm.getId(), user.getId(), signInId);
    }

    @Override
    public boolean knowsDevice(RealmModel realm, UserModel user, String deviceId) {
        return new HistoryStore(em()).hasDevice(realm.getId(), user.getId(), deviceId);
    }

    @Override
    public List<SignIn> recent(RealmModel realm, UserModel user, int limit) {
        return new HistoryStore(em()).recent(realm.getId(), user.getId(), limit);
    }

    @Override
    public List<String> usersWithHistory(RealmModel realm, String afterUserId, int limit) {
        return new HistoryStore(em()).usersAfter(realm.getId(), afterUserId, limit);
    }

    @Override
    public List<SignIn> recent(RealmModel realm, String userId, int limit) {
        return new HistoryStore(em()).recent(realm.getId(), userId, limit);
    }

    @Override
    public PopulationCounts populationTotals(RealmModel realm) {
        return new PopulationStore(em()).totals(realm.getId());
    }

    @Override
    public Map<String, Long> populationCounts(RealmModel realm, Feature feature, Collection<String> storedValues) {
        return new PopulationStore(em()).counts(realm.getId(), feature, storedValues);
    }

    @Override
    public Duration rememberedDeviceLifetime(RealmModel realm) {
        return PrivacySettings.of(session, realm).rememberedDevice();
    }

    @Override
    public String stored(RealmModel realm, Feature feature, String rawValue) {
        return feature.pseudonymized() ? pseudonyms(realm).of(feature, rawValue) : rawValue;
    }

    private Pseudonyms pseudonyms(RealmModel realm) {
        return new Pseudonyms(RealmKeys.of(session, clock).secret(realm.getId()));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
