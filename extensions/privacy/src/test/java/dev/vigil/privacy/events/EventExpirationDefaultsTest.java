package dev.vigil.privacy.events;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class EventExpirationDefaultsTest {

    private final EventExpirationDefaults defaults = new EventExpirationDefaults(Duration.ofDays(30), Duration.ofDays(90));
    private final RealmModel realm = mock(RealmModel.class);

    @Test
    void givesARealmWithoutExpirationsVigilsDefaults() {
        given(realm.getEventsExpiration()).willReturn(0L);
        given(realm.getAttribute(EventExpirationDefaults.ADMIN_EVENTS_EXPIRATION, 0L)).willReturn(0L);

        defaults.onEvent(created(realm));

        then(realm).should().setEventsExpiration(30L * 24 * 3600);
        then(realm).should().setAttribute(EventExpirationDefaults.ADMIN_EVENTS_EXPIRATION, 90L * 24 * 3600);
    }

    @Test
    void keepsExpirationsTheRealmSetItself() {
        given(realm.getEventsExpiration()).willReturn(3600L);
        given(realm.getAttribute(EventExpirationDefaults.ADMIN_EVENTS_EXPIRATION, 0L)).willReturn(7200L);

        defaults.onEvent(created(realm));

        then(realm).should(never()).setEventsExpiration(anyLong());
        then(realm).should(never()).setAttribute(eq(EventExpirationDefaults.ADMIN_EVENTS_EXPIRATION), anyLong());
    }

    private static RealmModel.RealmPostCreateEvent created(RealmModel realm) {
        RealmModel.RealmPostCreateEvent event = mock(RealmModel.RealmPostCreateEvent.class);
        given(event.getCreatedRealm()).willReturn(realm);
        return event;
    }
}
