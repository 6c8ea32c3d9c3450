package dev.vigil.risk.history;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The e-mail telling a user their account was signed in to from a new device or country. */
final class NewSignInNotice {

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
        String what = pending.notifyNewDevice() ? "vigilNewSignInNewDevice" : "vigilNewSignInNewCountry";
        String where = pending.place() == null ? "" : pending.place().label();
        String device = pending.deviceLabel() == null ? "" : pending.deviceLabel();
        String realmName = realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName();
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user).send(
                    "vigilNewSignInSubject", List.of(realmName), TEMPLATE,
                    Map.of("vigilWhat", what, "vigilWhere", where, "vigilDevice", device, "vigilRealmName", realmName));
        } catch (EmailException e) {
            LOG.warnf("Could not send the new sign-in notice in realm %s: %s", realm.getName(), e.getMessage());
        }
    }
}
