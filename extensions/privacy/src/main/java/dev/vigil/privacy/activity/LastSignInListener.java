package dev.vigil.privacy.activity;

import java.time.Clock;

import dev.vigil.privacy.consent.CurrentConsent;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.ActivityStore;
import dev.vigil.privacy.store.ConsentStore;
import dev.vigil.privacy.store.Restrictions;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * On each successful login: lifts the inactive flag, and, in realms that flag inactive accounts, keeps the
 * time of this sign-in (only that; nothing for a user whose processing is restricted or who holds no current consent).
 */
public class LastSignInListener implements EventListenerProvider {

    private final KeycloakSession session;
    private final Clock clock;

    LastSignInListener(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        if (user.getFirstAttribute(InactiveAccounts.ATTRIBUTE) != null) {
            user.removeAttribute(InactiveAccounts.ATTRIBUTE);
        }
        if (PrivacySettings.of(session, realm).inactiveAccount().isPresent()
                && !Restrictions.of(session, clock).isRestricted(realm.getId(), user.getId())
                && CurrentConsent.holds(session, ConsentStore.of(session, clock), realm, user)) {
            new ActivityStore(session.getProvider(JpaConnectionProvider.class).getEntityManager())
                    .signedIn(realm.getId(), user.getId(), clock.millis());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
