package dev.vigil.privacy.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.retention.Retention;
import dev.vigil.privacy.retention.RetentionAudit;
import dev.vigil.privacy.retention.RetentionResult;
import dev.vigil.privacy.rights.SubjectData;
import dev.vigil.privacy.store.RealmKeys;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/vigil-privacy}: Vigil's privacy operations on Keycloak's admin API, which has
 * already authenticated the administrator; Keycloak's permissions decide and each change is an admin event.
 */
public class PrivacyAdminResource {

    static final String PSEUDONYM_KEY_RESOURCE = "VIGIL_PSEUDONYM_KEY";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;
    private final Clock clock;

    PrivacyAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, AdminEventBuilder adminEvent, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
        this.clock = clock;
    }

    /** One user's data, as the user themselves has it, plus restriction of processing. */
    @Path("users/{userId}")
    public AdminSubjectDataResource user(@PathParam("userId") String userId) {
        UserModel subject = session.users().getUserById(realm, userId);
        SubjectAccess subjectAccess = access.forUser(subject);
        if (subject == null) {
            subjectAccess.requireRead();
            throw new NotFoundException("no such user");
        }
        SubjectAudit audit = operation -> adminEvent.operation(operation).resource(ResourceType.USER)
                .resourcePath(session.getContext().getUri()).success();
        return new AdminSubjectDataResource(subjectAccess, new SubjectData(session, realm, subject, clock), audit);
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
        RetentionResult result = new Retention(session.getKeycloakSessionFactory()).run(session, realm, at);
        RetentionAudit.record(session, realm, result, clock);
        return Response.ok(result.toJson()).build();
    }

    /** Replaces the realm's pseudonymization key: stored hashes no longer match anything new. */
    @POST
    @Path("pseudonym-key/rotate")
    public Response rotatePseudonymKey() {
        access.requireManageRealm();
        RealmKeys.of(session, clock).rotate(realm.getId());
        adminEvent.operation(OperationType.ACTION).resource(PSEUDONYM_KEY_RESOURCE)
                .resourcePath(session.getContext().getUri()).success();
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
