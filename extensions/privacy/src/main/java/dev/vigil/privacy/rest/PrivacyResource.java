package dev.vigil.privacy.rest;

import java.time.Clock;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import dev.vigil.privacy.rights.SubjectData;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/vigil-privacy}: the data subject's rights, for the user ({@code me}, their own bearer
 * token) and for the realm's admins ({@code users/{userId}}, Keycloak's admin permissions); realm-wide
 * privacy operations for admins ({@code admin}).
 */
public class PrivacyResource {

    private final KeycloakSession session;
    private final Clock clock;

    PrivacyResource(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Path("me")
    public SubjectDataResource me() {
        RealmModel realm = session.getContext().getRealm();
        SelfAccess self = SelfAccess.authenticate(session);
        return new SubjectDataResource(session, realm, self, new SubjectData(session, realm, self.user(), clock));
    }

    @Path("users/{userId}")
    public AdminSubjectDataResource user(@PathParam("userId") String userId) {
        RealmModel realm = session.getContext().getRealm();
        UserModel subject = session.users().getUserById(realm, userId);
        SubjectAccess admin = AdminAccess.authenticate(session, realm).forUser(subject);
        if (subject == null) {
            admin.requireRead();
            throw new NotFoundException("no such user");
        }
        return new AdminSubjectDataResource(session, realm, admin, new SubjectData(session, realm, subject, clock));
    }

    @Path("account")
    public AccountPageResource accountPage() {
        return new AccountPageResource(session, session.getContext().getRealm(), clock);
    }

    @Path("admin")
    public RealmAdminResource admin() {
        RealmModel realm = session.getContext().getRealm();
        return new RealmAdminResource(session, realm, AdminAccess.authenticate(session, realm), clock);
    }
}
