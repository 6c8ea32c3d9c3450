package dev.vigil.api.settings;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What a step does with a stored setting it cannot use (imported with a realm, or saved before it was checked):
 * it refuses the sign-in with a clear page of {@link #PAGE_STATUS} and reports the setting in one log line per
 * realm, step and value an hour, cluster-wide (Keycloak's single-use store), rather than one per sign-in.
 */
public final class BadSettings {

    /** The sign-in is refused by the site's own policy, not broken: never a 5xx. */
    public static final Response.Status PAGE_STATUS = Response.Status.FORBIDDEN;

    static final long REPORT_EVERY_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(BadSettings.class);

    private BadSettings() {
    }

    public static void report(KeycloakSession session, RealmModel realm, String step, InvalidSetting bad) {
        String key = "vigil-bad-setting:" + realm.getId() + ":" + step + ":" + bad.field() + ":"
                + Integer.toHexString(bad.getMessage().hashCode());
        // Outside a request (a background task) there is no session: such tasks run rarely, each reports.
        if (session == null || session.singleUseObjects().putIfAbsent(key, REPORT_EVERY_SECONDS)) {
            LOG.errorf("Realm %s, step %s: %s. Sign-ins through the step are refused until an administrator saves"
                    + " a valid value (reported again in an hour at most).", realm.getName(), step, bad.getMessage());
        }
    }
}
