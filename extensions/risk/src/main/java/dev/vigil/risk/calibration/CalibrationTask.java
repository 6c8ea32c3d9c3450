package dev.vigil.risk.calibration;

import java.time.Clock;

import dev.vigil.api.schedule.ClusterInterval;
import dev.vigil.risk.flow.RiskConfig;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * The scheduled recomputation of every realm's calibrated thresholds, once per interval for the cluster: each node
 * schedules it, and a run first claims its interval in Keycloak's cluster-wide single-use store, so a node whose
 * timer fires in an interval another node already claimed does nothing. Only realms whose risk step asks for
 * calibrated thresholds are computed; a realm that fails is logged and the others still run.
 */
public class CalibrationTask implements ScheduledTask {

    public static final String NAME = "vigil-risk-calibration";

    private static final Logger LOG = Logger.getLogger(CalibrationTask.class);

    private final Clock clock;
    private final ClusterInterval interval;
    private final Recalibration recalibration;

    public CalibrationTask(Clock clock, ClusterInterval interval, Recalibration recalibration) {
        this.clock = clock;
        this.interval = interval;
        this.recalibration = recalibration;
    }

    @Override
    public void run(KeycloakSession session) {
        if (!session.singleUseObjects().putIfAbsent(interval.claimKey(clock.instant()), interval.claimLifespanSeconds())) {
            return;
        }
        for (RealmModel realm : session.realms().getRealmsStream().toList()) {
            try {
                RealmRiskStep.settings(realm).filter(RiskConfig::calibratedThresholds)
                        .ifPresent(config -> recalibration.run(realm.getId(), config));
            } catch (RuntimeException failed) {
                LOG.warnf("Risk thresholds of realm %s not recomputed: %s", realm.getName(), failed.getMessage());
            }
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
