package dev.vigil.privacy.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.SignIn;
import dev.vigil.privacy.activity.InactiveAccounts;
import dev.vigil.privacy.store.ActivityStore;
import dev.vigil.privacy.store.ConsentRecordEntity;
import dev.vigil.privacy.store.DeviceEntity;
import dev.vigil.privacy.store.ConsentStore;
import dev.vigil.privacy.store.HistoryStore;
import dev.vigil.privacy.store.PopulationStore;
import dev.vigil.privacy.store.Restrictions;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What a data subject can ask of Vigil about themselves (GDPR art. 15, 17, 20, 21), whoever asks on
 * their behalf: the user with their own token, or an admin of the realm.
 */
public class SubjectData {

    /** Version of the export's JSON shape, documented in docs/privacy.md. */
    public static final int EXPORT_SCHEMA_VERSION = 1;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final Clock clock;
    private final ConsentStore consents;
    private final HistoryStore history;
    private final Restrictions restrictions;
    private final ActivityStore activity;
    private final PopulationStore population;

    public SubjectData(KeycloakSession session, RealmModel realm, UserModel user, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.clock = clock;
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.consents = ConsentStore.of(session, clock);
        this.history = new HistoryStore(em);
        this.restrictions = Restrictions.of(session, clock);
        this.activity = new ActivityStore(em);
        this.population = new PopulationStore(em);
    }

    /** Everything Vigil keeps about the user, machine-readable; nothing about anyone else. */
    public Map<String, Object> export() {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("schemaVersion", EXPORT_SCHEMA_VERSION);
        export.put("exportedAt", clock.instant().toString());
        export.put("realm", realm.getName());
        export.put("user", Map.of("id", user.getId(), "username", user.getUsername()));
        Optional<Long> restrictedSince = restrictions.restrictedSince(realm.getId(), user.getId());
        export.put("processingRestricted", restrictedSince.isPresent());
        export.put("processingRestrictedSince", restrictedSince.map(SubjectData::instant).orElse(null));
        export.put("lastSignIn", activity.lastSignIn(realm.getId(), user.getId()).map(SubjectData::instant).orElse(null));
        export.put("inactive", user.getFirstAttribute(InactiveAccounts.ATTRIBUTE) != null);
        export.put("consents", consents().stream().map(SubjectData::consent).toList());
        export.put("devices", devices().stream().map(ExportShapes::device).toList());
        export.put("signInsCounted", population.signInsCountedOf(realm.getId(), user.getId()));
        export.put("signIns", recentSignIns(Integer.MAX_VALUE).stream()
                .map(signIn -> ExportShapes.signIn(signIn, history.deviceOf(realm.getId(), user.getId(), signIn.id()).orElse(null)))
                .toList());
        return export;
    }

    /** The consent's receipt, signed now. */
    public Optional<String> receipt(String consentId) {
        return consent(consentId).map(record -> ConsentReceipts.sign(session, realm, record, clock.instant()));
    }

    /** Forgets one device and the sign-ins made from it. */
    public boolean forgetDevice(String deviceId) {
        return history.forgetDevice(realm.getId(), user.getId(), deviceId);
    }

    /**
     * Art. 17: erases everything Vigil keeps about the user (sign-ins, devices, consents, last sign-in, the inactive
     * flag) and ends every session, offline ones included. A restriction an admin set stays (see {@link Restrictions}).
     */
    public int erase() {
        int rows = history.eraseUser(realm.getId(), user.getId()) + consents.erase(realm.getId(), user.getId())
                + activity.erase(realm.getId(), user.getId());
        user.removeAttribute(InactiveAccounts.ATTRIBUTE);
        SessionRevocation.endEverySession(session, realm, user);
        return rows;
    }

    /** Art. 18: no scoring and nothing new recorded while restricted; what exists is kept. */
    public void restrictProcessing(boolean restricted) {
        if (restricted) {
            restrictions.restrict(realm.getId(), user.getId());
        } else {
            restrictions.lift(realm.getId(), user.getId());
        }
    }

    public List<DeviceEntity> devices() {
        return history.devices(realm.getId(), user.getId());
    }

    public List<SignIn> recentSignIns(int limit) {
        return history.recent(realm.getId(), user.getId(), limit);
    }

    /** Newest first, withdrawn ones included. */
    public List<ConsentRecordEntity> consents() {
        return consents.history(realm.getId(), user.getId());
    }

    public Optional<ConsentRecordEntity> consent(String consentId) {
        return consents().stream()
                .filter(record -> record.getId().equals(consentId))
                .findFirst();
    }

    /**
     * Withdraws consent: ends the consent records, deletes what was learnt under it (devices, sign-in history, last
     * sign-in), and ends every session of the user, offline ones included, so that the next login asks for consent
     * again and no token issued before works.
     */
    public int withdrawConsent() {
        int withdrawn = consents.withdraw(realm.getId(), user.getId());
        history.eraseUser(realm.getId(), user.getId());
        activity.erase(realm.getId(), user.getId());
        SessionRevocation.endEverySession(session, realm, user);
        return withdrawn;
    }

    private static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static Map<String, Object> consent(ConsentRecordEntity record) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("id", record.getId());
        consent.put("termsVersion", record.getTermsVersion());
        consent.put("purposes", List.of(record.getPurposes().split(" ")));
        consent.put("acceptedAt", instant(record.getAcceptedAt()));
        consent.put("withdrawnAt", record.getWithdrawnAt() == null ? null : instant(record.getWithdrawnAt()));
        return consent;
    }
}
