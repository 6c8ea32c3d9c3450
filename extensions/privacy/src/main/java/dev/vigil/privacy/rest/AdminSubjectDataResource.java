package dev.vigil.privacy.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.rights.SubjectData;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What admins can do beyond the user's own rights: restrict processing (GDPR art. 18) and lift it. */
public class AdminSubjectDataResource extends SubjectDataResource {

    AdminSubjectDataResource(KeycloakSession session, RealmModel realm, SubjectAccess access, SubjectData data) {
        super(session, realm, access, data);
    }

    @PUT
    @Path("restriction")
    public Response restrict() {
        access.requireWrite();
        data.restrictProcessing(true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("restriction")
    public Response lift() {
        access.requireWrite();
        data.restrictProcessing(false);
        return Response.noContent().build();
    }
}
