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
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** One data subject's Vigil data, the same for the user ({@code /me}) and for admins ({@code /users/{id}}). */
public class SubjectDataResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    protected final SubjectAccess access;
    protected final SubjectData data;

    SubjectDataResource(KeycloakSession session, RealmModel realm, SubjectAccess access, SubjectData data) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.data = data;
    }

    /** Art. 15 and 20: everything Vigil keeps about the user, as JSON. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        access.requireRead();
        return Downloads.export(data);
    }

    /** The signed receipt of one consent. */
    @GET
    @Path("consents/{consentId}/receipt")
    @Produces(ConsentReceipts.MEDIA_TYPE)
    public Response receipt(@PathParam("consentId") String consentId) {
        access.requireRead();
        return Downloads.receipt(session, realm, data, consentId);
    }

    /** Forgets one device and the sign-ins made from it. */
    @DELETE
    @Path("devices/{deviceId}")
    public Response forgetDevice(@PathParam("deviceId") String deviceId) {
        access.requireWrite();
        if (!data.forgetDevice(deviceId)) {
            throw new NotFoundException("no such device");
        }
        return Response.noContent().build();
    }

    /** Art. 17: erases everything Vigil keeps about the user (the account itself stays) and ends their sessions. */
    @DELETE
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response erase() {
        access.requireWrite();
        return Response.ok(Map.of("erasedRows", data.erase())).build();
    }

    /** Art. 7(3) and 21: withdraws consent, ends every session; consent is asked again at the next login. */
    @POST
    @Path("consent/withdraw")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdrawConsent() {
        access.requireWrite();
        return Response.ok(Map.of("withdrawnConsents", data.withdrawConsent())).build();
    }
}
