package dev.vigil.privacy.events;

import java.time.Duration;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keycloak keeps login and admin events (with IP addresses) forever unless a realm sets an expiration.
 * Every realm created (master, imported or new) gets Vigil's expirations unless it sets its own.
 */
public class EventExpirationDefaults implements ProviderEventListener {

    /** The realm attribute Keycloak reads for the admin events' expiration, in seconds. */
    static final String ADMIN_EVENTS_EXPIRATION = "adminEventsExpiration";

    private final Duration loginEvents;
    private final Duration adminEvents;

    public EventExpirationDefaults(Duration loginEvents, Duration adminEvents) {
        this.loginEvents = loginEvents;
        this.adminEvents = adminEvents;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            apply(created.getCreatedRealm());
        }
    }

    void apply(RealmModel realm) {
        if (realm.getEventsExpiration() <= 0) {
            realm.setEventsExpiration(loginEvents.toSeconds());
        }
        if (realm.getAttribute(ADMIN_EVENTS_EXPIRATION, 0L) <= 0) {
            realm.setAttribute(ADMIN_EVENTS_EXPIRATION, adminEvents.toSeconds());
        }
    }
}
