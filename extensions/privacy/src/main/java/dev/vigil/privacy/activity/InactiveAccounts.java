package dev.vigil.privacy.activity;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.ActivityStore;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Flags the accounts of a realm that have not signed in for the realm's period with the user attribute
 * {@value #ATTRIBUTE} (admins search users by it); signing in again removes the flag. Off by default.
 */
public class InactiveAccounts {

    public static final String ATTRIBUTE = "vigilInactive";
    static final int PAGE = 500;

    private final KeycloakSessionFactory factory;

    public InactiveAccounts(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    /** Returns how many accounts were newly flagged; 0 when the realm does not flag inactive accounts. */
    public int flag(RealmModel realm, PrivacySettings settings, Instant now) {
        return settings.inactiveAccount()
                .map(period -> flagInactiveSince(realm.getId(), now.minus(period).toEpochMilli()))
                .orElse(0);
    }

    private int flagInactiveSince(String realmId, long cutoff) {
        AtomicInteger flagged = new AtomicInteger();
        int first = 0;
        List<String> page;
        do {
            AtomicReference<List<String>> ids = new AtomicReference<>();
            int offset = first;
            // One page per transaction: a large realm never holds one long transaction.
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                // User lookups (organizations, federation) need the realm in the session's context.
                session.getContext().setRealm(realm);
                ids.set(new ActivityStore(session.getProvider(JpaConnectionProvider.class).getEntityManager())
                        .inactiveSince(realmId, cutoff, offset, PAGE));
                for (String id : ids.get()) {
                    UserModel user = session.users().getUserById(realm, id);
                    if (user != null && user.getFirstAttribute(ATTRIBUTE) == null) {
                        user.setSingleAttribute(ATTRIBUTE, "true");
                        flagged.incrementAndGet();
                    }
                }
            });
            page = ids.get();
            first += PAGE;
        } while (page.size() == PAGE);
        return flagged.get();
    }
}
