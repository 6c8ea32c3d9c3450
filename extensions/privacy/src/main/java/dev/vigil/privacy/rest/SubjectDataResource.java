package dev.vigil.privacy.rest;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.rights.ConsentReceipts;
import dev.vigil.privacy.rights.SubjectData;
import org.keycloak.events.admin.OperationType;

/**
 * One data subject's Vigil data, the same for the user ({@code /realms/{realm}/vigil-privacy/me}) and for admins
 * ({@code /admin/realms/{realm}/vigil-privacy/users/{id}}, where each operation leaves an admin event).
 */
public class SubjectDataResource {

    protected final SubjectAccess access;
    protected final SubjectData data;
    protected final SubjectAudit audit;

    SubjectDataResource(SubjectAccess access, SubjectData data, SubjectAudit audit) {
        this.access = access;
        this.data = data;
        this.audit = audit;
    }

    /** Art. 15 and 20: everything Vigil keeps about the user, as JSON. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        access.requireRead();
        Response export = Downloads.export(data);
        audit.record(OperationType.ACTION);
        return export;
    }

    /** The signed receipt of one consent. */
    @GET
    @Path("consents/{consentId}/receipt")
    @Produces(ConsentReceipts.MEDIA_TYPE)
    public Response receipt(@PathParam("consentId") String consentId) {
        access.requireRead();
        Response receipt = Downloads.receipt(data, consentId);
        audit.record(OperationType.ACTION);
        return receipt;
    }

    /** Forgets one device and the sign-ins made from it. */
    @DELETE
    @Path("devices/{deviceId}")
    public Response forgetDevice(@PathParam("deviceId") String deviceId) {
        access.requireWrite();
        if (!data.forgetDevice(deviceId)) {
            throw new NotFoundException("no such device");
        }
        audit.record(OperationType.DELETE);
        return Response.noContent().build();
    }

    /**
     * Art. 17: erases everything Vigil keeps about the user (the account itself stays, and so does a restriction
     * an admin set) and ends every session, offline ones included.
     */
    @DELETE
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response erase() {
        access.requireWrite();
        int erased = data.erase();
        audit.record(OperationType.DELETE);
        return Response.ok(Map.of("erasedRows", erased)).build();
    }

    /** Art. 7(3) and 21: withdraws consent, ends every session; consent is asked again at the next login. */
    @POST
    @Path("consent/withdraw")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdrawConsent() {
        access.requireWrite();
        int withdrawn = data.withdrawConsent();
        audit.record(OperationType.ACTION);
        return Response.ok(Map.of("withdrawnConsents", withdrawn)).build();
    }
}
