package dev.vigil.risk.doors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Says, per realm, which doors into a session do not run Vigil's steps: at server start and when a realm is created
 * (a warning per realm with uncovered doors), and in the admin console's server info, recomputed at each read, so
 * that a realm created in the console, with Keycloak's default flows, is never taken for protected.
 */
public final class DoorReport {

    static final String COVERED = "every door runs Vigil's consent and risk steps";
    static final String UNCOVERED_PREFIX = "not covered: ";

    private static final Logger LOG = Logger.getLogger(DoorReport.class);

    private DoorReport() {
    }

    /** Realm name to what is covered, for the server info. */
    public static Map<String, String> byRealm(KeycloakSessionFactory factory) {
        Map<String, String> report = new LinkedHashMap<>();
        uncoveredByRealm(factory).forEach((realm, doors) -> report.put("realm " + realm,
                doors.isEmpty() ? COVERED : UNCOVERED_PREFIX + String.join(", ", doors)));
        return report;
    }

    /** At start: one warning per realm with uncovered doors. */
    public static void logUncovered(KeycloakSessionFactory factory) {
        uncoveredByRealm(factory).forEach((realm, doors) -> warn(realm, "", doors));
    }

    /**
     * When a realm is created or imported while the server runs, in the creating transaction: Keycloak announces it
     * once the realm is complete (flows, clients, client policies). Later changes to an existing realm are
     * recomputed at each server-info read and at the next start.
     */
    public static void logCreated(KeycloakSession session, RealmModel realm) {
        RealmModel contextRealm = session.getContext().getRealm();
        // Keycloak finds a realm's identity providers through the session's context realm.
        session.getContext().setRealm(realm);
        try {
            warn(realm.getName(), " created", DoorAudit.uncoveredDoors(session, realm));
        } finally {
            session.getContext().setRealm(contextRealm);
        }
    }

    private static void warn(String realm, String when, List<String> doors) {
        if (!doors.isEmpty()) {
            LOG.warnf("Realm %s%s: these doors into a session do not run Vigil's consent and risk steps: %s",
                    realm, when, String.join(", ", doors));
        }
    }

    private static Map<String, List<String>> uncoveredByRealm(KeycloakSessionFactory factory) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            Map<String, List<String>> doors = new TreeMap<>();
            session.realms().getRealmsStream().forEach(realm -> {
                // Keycloak finds a realm's identity providers through the session's context realm.
                session.getContext().setRealm(realm);
                doors.put(realm.getName(), DoorAudit.uncoveredDoors(session, realm));
            });
            return doors;
        });
    }
}
