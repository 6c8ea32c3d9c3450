package dev.vigil.risk.calibration;

import java.util.EnumSet;
import java.util.Set;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;

/**
 * Keeps a realm's thresholds tab true when the admin changes what it is seen through: the risk step's settings, its
 * flows, or the realm's flow bindings: once the admin's change is committed, in a transaction of its own.
 */
final class ThresholdsTabRefresh implements EventListenerProvider {

    /** Admin changes that can change the risk step's settings as the tab reads them. */
    static final Set<ResourceType> STEP_CHANGES = EnumSet.of(ResourceType.AUTHENTICATOR_CONFIG,
            ResourceType.AUTH_EXECUTION, ResourceType.AUTH_EXECUTION_FLOW, ResourceType.AUTH_FLOW, ResourceType.REALM);

    private final KeycloakSession session;
    private final Recalibration recalibration;

    ThresholdsTabRefresh(KeycloakSession session, Recalibration recalibration) {
        this.session = session;
        this.recalibration = recalibration;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        boolean realmRemoved = event.getResourceType() == ResourceType.REALM && event.getOperationType() == OperationType.DELETE;
        if (!STEP_CHANGES.contains(event.getResourceType()) || realmRemoved) {
            return;
        }
        recalibration.refreshTabAfterCommit(session, event.getRealmId());
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void close() {
    }
}
