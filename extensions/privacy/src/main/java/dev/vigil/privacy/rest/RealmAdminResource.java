package dev.vigil.privacy.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.retention.Retention;
import dev.vigil.privacy.retention.RetentionAudit;
import dev.vigil.privacy.retention.RetentionResult;
import dev.vigil.privacy.store.RealmKeys;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Realm-wide privacy operations for admins with manage-realm. */
public class RealmAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final Clock clock;

    RealmAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Runs retention for this realm now. {@code asOf} (ISO-8601, not in the future) runs it as of an earlier
     * instant: it can only delete less than a run now would, and makes the cut-offs checkable to the second.
     */
    @POST
    @Path("retention/run")
    @Produces(MediaType.APPLICATION_JSON)
    public Response runRetention(@QueryParam("asOf") String asOf) {
        access.requireManageRealm();
        Instant now = clock.instant();
        Instant at = asOf == null || asOf.isBlank() ? now : parse(asOf);
        if (at.isAfter(now)) {
            throw new BadRequestException("asOf must not be in the future");
        }
        RetentionResult result = new Retention(session.getKeycloakSessionFactory()).run(realm, at);
        RetentionAudit.record(session, realm, result, clock);
        return Response.ok(result.toJson()).build();
    }

    /** Replaces the realm's pseudonymization key: stored hashes no longer match anything new. */
    @POST
    @Path("pseudonym-key/rotate")
    public Response rotatePseudonymKey() {
        access.requireManageRealm();
        new RealmKeys(session, clock).rotate(realm.getId());
        return Response.noContent().build();
    }

    private static Instant parse(String instant) {
        try {
            return Instant.parse(instant);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be an ISO-8601 instant, e.g. 2026-05-01T00:00:00Z");
        }
    }
}
