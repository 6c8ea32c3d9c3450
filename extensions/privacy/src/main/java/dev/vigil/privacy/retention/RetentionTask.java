package dev.vigil.privacy.retention;

import java.time.Clock;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/** The scheduled retention run over every realm; run once per cluster by ClusterAwareScheduledTaskRunner. */
public class RetentionTask implements ScheduledTask {

    public static final String NAME = "vigil-retention";

    private final Clock clock;

    public RetentionTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run(KeycloakSession session) {
        Retention retention = new Retention(session.getKeycloakSessionFactory());
        for (RealmModel realm : session.realms().getRealmsStream().toList()) {
            RetentionResult result = retention.run(realm, clock.instant());
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
