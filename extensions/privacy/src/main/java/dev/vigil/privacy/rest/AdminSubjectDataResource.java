package dev.vigil.privacy.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.rights.SubjectData;
import org.keycloak.events.admin.OperationType;

/** What admins can do beyond the user's own rights: restrict processing (GDPR art. 18) and lift it. */
public class AdminSubjectDataResource extends SubjectDataResource {

    AdminSubjectDataResource(SubjectAccess access, SubjectData data, SubjectAudit audit) {
        super(access, data, audit);
    }

    @PUT
    @Path("restriction")
    public Response restrict() {
        access.requireWrite();
        data.restrictProcessing(true);
        audit.record(OperationType.CREATE);
        return Response.noContent().build();
    }

    @DELETE
    @Path("restriction")
    public Response lift() {
        access.requireWrite();
        data.restrictProcessing(false);
        audit.record(OperationType.DELETE);
        return Response.noContent().build();
    }
}
