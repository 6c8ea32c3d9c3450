package dev.vigil.privacy.retention;

import java.time.Clock;

import dev.vigil.api.schedule.ClusterInterval;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * The scheduled retention run over every realm, once per interval for the cluster. Every node schedules it, and
 * ClusterAwareScheduledTaskRunner only keeps two nodes from running it at the same time (its lock ends with the
 * run), so the run first claims its interval in the cluster-wide single-use store: a node whose timer fires later
 * in an interval another node already claimed does nothing.
 */
public class RetentionTask implements ScheduledTask {

    public static final String NAME = "vigil-retention";

    private final Clock clock;
    private final ClusterInterval interval;

    public RetentionTask(Clock clock, ClusterInterval interval) {
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void run(KeycloakSession session) {
        if (!session.singleUseObjects().putIfAbsent(interval.claimKey(clock.instant()), interval.claimLifespanSeconds())) {
            return;
        }
        Retention retention = new Retention(session.getKeycloakSessionFactory());
        for (RealmModel realm : session.realms().getRealmsStream().toList()) {
            RetentionResult result = retention.run(session, realm, clock.instant());
            if (result.deletedAnything()) {
                RetentionAudit.record(session, realm, result, clock);
            }
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
