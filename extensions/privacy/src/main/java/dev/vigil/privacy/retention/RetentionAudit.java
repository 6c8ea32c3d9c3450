package dev.vigil.privacy.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/** Records what a retention run deleted (counts only) as an admin event of the realm, and in the log. */
public final class RetentionAudit {

    public static final String RESOURCE_TYPE = "VIGIL_RETENTION";

    private static final Logger LOG = Logger.getLogger(RetentionAudit.class);

    private RetentionAudit() {
    }

    public static void record(KeycloakSession session, RealmModel realm, RetentionResult result, Clock clock) {
        LOG.infof("Retention in realm %s deleted %d sign-ins and %d devices, flagged %d inactive accounts", realm.getName(),
                result.signIns(), result.devices(), result.flaggedInactive());
        if (!realm.isAdminEventsEnabled()) {
            return;
        }
        AdminEvent event = new AdminEvent();
        event.setId(KeycloakModelUtils.generateId());
        event.setTime(clock.millis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setOperationType(OperationType.DELETE);
        event.setResourceTypeAsString(RESOURCE_TYPE);
        event.setResourcePath("vigil-privacy/retention");
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setClientId("vigil-retention");
        event.setAuthDetails(auth);
        try {
            event.setRepresentation(JsonSerialization.writeValueAsString(result.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        session.getProvider(EventStoreProvider.class).onEvent(event, true);
    }
}
