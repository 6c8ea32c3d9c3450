package dev.vigil.privacy.retention;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import dev.vigil.privacy.activity.InactiveAccounts;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.RetentionStore;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Deletes one realm's sign-ins and devices past their retention period, in bounded batches each in its
 * own transaction: a large backlog never holds long locks, and an interrupted run loses nothing.
 */
public class Retention {

    static final int BATCH = 500;

    private final KeycloakSessionFactory factory;

    public Retention(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    /** @param session the session that reads the realm's settings; each batch runs in a session of its own */
    public RetentionResult run(KeycloakSession session, RealmModel realm, Instant now) {
        PrivacySettings settings = PrivacySettings.of(session, realm);
        RetentionCutoffs cutoffs = RetentionCutoffs.at(now, settings);
        int signIns = inBatches(store -> store.deleteSignInsBefore(realm.getId(), cutoffs.signIns().toEpochMilli(), BATCH));
        int devices = inBatches(store -> store.deleteDevicesNotSeenSince(realm.getId(), cutoffs.devices().toEpochMilli(), BATCH));
        int flagged = new InactiveAccounts(factory).flag(realm, settings, now);
        return new RetentionResult(realm.getName(), cutoffs, signIns, devices, flagged);
    }

    private int inBatches(ToIntFunction<RetentionStore> deleteBatch) {
        int total = 0;
        int deleted;
        do {
            AtomicInteger batch = new AtomicInteger();
            KeycloakModelUtils.runJobInTransaction(factory, session -> batch.set(deleteBatch.applyAsInt(store(session))));
            deleted = batch.get();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private static RetentionStore store(KeycloakSession session) {
        return new RetentionStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }
}
