package dev.vigil.privacy.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.SignIn;
import dev.vigil.privacy.store.ConsentRecordEntity;
import dev.vigil.privacy.store.DeviceEntity;
import dev.vigil.privacy.store.ConsentStore;
import dev.vigil.privacy.store.HistoryStore;
import dev.vigil.privacy.store.Restrictions;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

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

    public SubjectData(KeycloakSession session, RealmModel realm, UserModel user, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.clock = clock;
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.consents = new ConsentStore(em, clock);
        this.history = new HistoryStore(em);
        this.restrictions = new Restrictions(em, clock);
    }

    /** Everything Vigil keeps about the user, machine-readable; nothing about anyone else. */
    public Map<String, Object> export() {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("schemaVersion", EXPORT_SCHEMA_VERSION);
        export.put("exportedAt", clock.instant().toString());
        export.put("realm", realm.getName());
        export.put("user", Map.of("id", user.getId(), "username", user.getUsername()));
        export.put("processingRestricted", restrictions.isRestricted(realm.getId(), user.getId()));
        export.put("consents", consents().stream().map(SubjectData::consent).toList());
        export.put("devices", devices().stream().map(ExportShapes::device).toList());
        export.put("signIns", recentSignIns(Integer.MAX_VALUE).stream().map(ExportShapes::signIn).toList());
        return export;
    }

    /** Forgets one device and the sign-ins made from it. */
    public boolean forgetDevice(String deviceId) {
        return history.forgetDevice(realm.getId(), user.getId(), deviceId);
    }

    /** Art. 17: erases everything Vigil keeps about the user and ends their sessions. */
    public int erase() {
        int rows = history.eraseUser(realm.getId(), user.getId()) + consents.erase(realm.getId(), user.getId());
        restrictions.lift(realm.getId(), user.getId());
        logOutEverywhere();
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
     * Withdraws consent: ends the consent records, deletes the devices and sign-in history kept under it, and
     * ends every session of the user (with back-channel logout to the clients), so that the next login asks
     * for consent again.
     */
    public int withdrawConsent() {
        int withdrawn = consents.withdraw(realm.getId(), user.getId());
        history.eraseUser(realm.getId(), user.getId());
        logOutEverywhere();
        return withdrawn;
    }

    private void logOutEverywhere() {
        session.sessions().getUserSessionsStream(realm, user).toList()
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
    }

    private static Map<String, Object> consent(ConsentRecordEntity record) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("id", record.getId());
        consent.put("termsVersion", record.getTermsVersion());
        consent.put("purposes", List.of(record.getPurposes().split(" ")));
        consent.put("acceptedAt", Instant.ofEpochMilli(record.getAcceptedAt()).toString());
        consent.put("withdrawnAt", record.getWithdrawnAt() == null ? null : Instant.ofEpochMilli(record.getWithdrawnAt()).toString());
        return consent;
    }
}
