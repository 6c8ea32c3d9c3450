package dev.vigil.privacy.rest;

import org.keycloak.events.admin.OperationType;

/** Records what was done to a data subject's data: an admin event when an admin did it, nothing for the user. */
@FunctionalInterface
interface SubjectAudit {

    /** The user acting on their own data: Keycloak's admin events are for administrators' actions. */
    SubjectAudit NONE = operation -> {
    };

    void record(OperationType operation);
}
