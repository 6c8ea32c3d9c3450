package dev.vigil.privacy.rest;

import java.time.Clock;

import jakarta.ws.rs.Path;

import dev.vigil.privacy.rights.SubjectData;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/vigil-privacy}: the data subject's rights for the user ({@code me}, their own bearer
 * token) and their account page ({@code account}). Admins act on users through Keycloak's admin API instead
 * ({@link PrivacyAdminResource}).
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
        return new SubjectDataResource(self, new SubjectData(session, realm, self.user(), clock), SubjectAudit.NONE);
    }

    @Path("account")
    public AccountPageResource accountPage() {
        return new AccountPageResource(session, session.getContext().getRealm(), clock);
    }
}
