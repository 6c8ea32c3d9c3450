package dev.vigil.risk.calibration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.risk.calibration.store.CalibrationStore;
import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.calibration.Calibration;
import dev.vigil.risk.model.calibration.CalibrationInput;
import dev.vigil.risk.model.calibration.ThresholdCalibration;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Recomputes one realm's thresholds with its risk step's settings: reads the bounded sample, calibrates, and replaces
 * the stored result, each in transactions of its own (never the caller's, which may be a request's). One
 * recomputation per realm at a time in the whole cluster (an admin's POST, the schedule on any node): each first
 * claims the realm in Keycloak's cluster-wide single-use store, so two never race to write the realm's row. The
 * transaction that stores the result also rewrites the realm's thresholds tab in the admin console ({@link ThresholdsTab}).
 */
public class Recalibration {

    private static final Logger LOG = Logger.getLogger(Recalibration.class);
    /** Longer than the largest sample takes; a claim left by a node that died lapses after it. */
    static final long CLAIM_LIFESPAN_SECONDS = Duration.ofMinutes(15).toSeconds();

    private final KeycloakSessionFactory factory;
    private final Clock clock;

    public Recalibration(KeycloakSessionFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /** The new result, also shown in the realm's tab; empty when this realm is being recomputed elsewhere in the cluster right now. */
    public Optional<StoredCalibration> run(String realmId, RiskConfig config) {
        return run(realmId, config, true);
    }

    /**
     * For the tab's own save, whose transaction ({@code request}'s) writes the tab and shows the result itself: the
     * realm stays claimed until that transaction ends, so no other recomputation writes the tab's rows meanwhile.
     */
    Optional<StoredCalibration> runLeavingTab(KeycloakSession request, String realmId, RiskConfig config) {
        if (!claimUntilEnd(request, realmId)) {
            return Optional.empty();
        }
        return Optional.of(recompute(realmId, config, false));
    }

    /**
     * Claims the realm for the rest of {@code request}'s transaction (released when it commits or rolls back), for a
     * write of the tab that must not meet a recomputation's; false when the realm is being recomputed now. A
     * transaction that holds the claim already keeps it.
     */
    boolean claimUntilEnd(KeycloakSession request, String realmId) {
        String claim = claim(realmId);
        if (request.getAttribute(claim) != null) {
            return true; // already held by this transaction (an admin's save claims before Keycloak rewrites the tab)
        }
        if (!take(claim)) {
            return false;
        }
        request.setAttribute(claim, Boolean.TRUE);
        request.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                release(claim);
            }

            @Override
            protected void rollbackImpl() {
                release(claim);
            }
        });
        return true;
    }

    /**
     * After {@code request}'s transaction commits, rewrites the realm's tab in a transaction of its own that reads it
     * under the realm's claim (the request may have read the tab before a recomputation replaced it). Skipped while a
     * recomputation holds the realm: that one writes the tab when it stores its result. Once per realm and request.
     */
    void refreshTabAfterCommit(KeycloakSession request, String realmId) {
        String refresh = "vigil-risk-thresholds-tab-refresh:" + realmId;
        if (request.getAttribute(refresh) != null) {
            return;
        }
        request.setAttribute(refresh, Boolean.TRUE);
        request.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                holding(realmId, () -> KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    if (realm != null) {
                        session.getContext().setRealm(realm);
                        ThresholdsTab.refresh(session, realm);
                    }
                    return realm;
                }));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private Optional<StoredCalibration> run(String realmId, RiskConfig config, boolean showInTab) {
        return holding(realmId, () -> recompute(realmId, config, showInTab));
    }

    /** {@code work}'s result, done while holding the realm's claim; empty when the realm is claimed elsewhere. */
    private <T> Optional<T> holding(String realmId, Supplier<T> work) {
        String claim = claim(realmId);
        if (!take(claim)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            release(claim);
        }
    }

    private static String claim(String realmId) {
        return "vigil-risk-recalibration:" + realmId;
    }

    private boolean take(String claim) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> session.singleUseObjects().putIfAbsent(claim, CLAIM_LIFESPAN_SECONDS));
    }

    private void release(String claim) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.singleUseObjects().remove(claim));
    }

    private StoredCalibration recompute(String realmId, RiskConfig config, boolean showInTab) {
        Instant started = clock.instant();
        CalibrationInput input = new RealmSample(reads(realmId), config.calibrationSample()).read();
        Calibration result = new ThresholdCalibration(new FreemanModel(config.model()), config.policy(),
                config.calibrationSample()).calibrate(input, config.calibrationTarget());
        Instant done = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored: the answer shows what is kept
        StoredCalibration stored = new StoredCalibration(config.calibrationTarget().code(),
                config.calibrationBasis().settingsStamp(), result.mediumThreshold(),
                result.highThreshold(), measured(result.attacksCaught()), measured(result.legitimateSteppedUp()),
                result.users(), result.legitimateLogins(), result.attacks(), done, Duration.between(started, done),
                result.fallback());
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            CalibrationStore.of(session).replace(realmId, stored);
            RealmModel realm = session.realms().getRealm(realmId);
            if (showInTab && realm != null) {
                session.getContext().setRealm(realm);
                ThresholdsTab.show(session, realm, stored);
            }
        });
        LOG.infof("Risk thresholds of realm %s recomputed in %d ms from %d users: %s", realmId,
                stored.duration().toMillis(), stored.sampleUsers(),
                stored.calibrated() ? "MEDIUM from " + stored.mediumThreshold() : "fixed kept, " + stored.fallback());
        return stored;
    }

    private StoreReads reads(String realmId) {
        return new StoreReads() {
            @Override
            public <T> T read(BiFunction<SignInHistoryProvider, RealmModel, T> reading) {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> reading.apply(
                        session.getProvider(SignInHistoryProvider.class), session.realms().getRealm(realmId)));
            }
        };
    }

    private static Double measured(double share) {
        return Double.isNaN(share) ? null : share;
    }
}
