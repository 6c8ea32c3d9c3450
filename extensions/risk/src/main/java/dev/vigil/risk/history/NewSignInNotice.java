package dev.vigil.risk.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The e-mail telling a user their account was signed in to from a new device or country, or despite a high risk. */
public final class NewSignInNotice {

    public static final String NEW_DEVICE = "vigilNewSignInNewDevice";
    public static final String NEW_COUNTRY = "vigilNewSignInNewCountry";
    public static final String HIGH_RISK = "vigilNewSignInHighRisk";

    private static final Logger LOG = Logger.getLogger(NewSignInNotice.class);
    static final String TEMPLATE = "vigil-new-sign-in.ftl";

    private final KeycloakSession session;

    NewSignInNotice(KeycloakSession session) {
        this.session = session;
    }

    /** Best effort: a mail server problem is logged, and never undoes the login. */
    void send(RealmModel realm, UserModel user, PendingSignIn pending) {
        if (user.getEmail() == null || realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
            return;
        }
        String where = pending.place() == null ? "" : pending.place().label();
        String device = pending.deviceLabel() == null ? "" : pending.deviceLabel();
        String realmName = realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName();
        try {
            // Mutable: Keycloak adds its own attributes (locale, msg, url...) to the map.
            Map<String, Object> attributes = new HashMap<>(Map.of("vigilWhat", pending.notice(), "vigilWhere", where,
                    "vigilDevice", device, "vigilRealmName", realmName));
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user).send(
                    "vigilNewSignInSubject", List.of(realmName), TEMPLATE, attributes);
        } catch (EmailException e) {
            // The exception's type only: mail errors can carry the user's address.
            LOG.warnf("Could not send the new sign-in notice in realm %s: %s", realm.getName(), e.getClass().getSimpleName());
        }
    }
}
