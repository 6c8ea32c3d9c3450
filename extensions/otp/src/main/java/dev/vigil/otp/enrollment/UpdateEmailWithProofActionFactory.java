package dev.vigil.otp.enrollment;

import org.keycloak.authentication.requiredactions.UpdateEmail;

/** Vigil's "Update email" in the place of Keycloak's ({@code UPDATE_EMAIL}): a changed address needs a fresh code first. */
public class UpdateEmailWithProofActionFactory extends KeycloakActionOverride<UpdateEmail> {

    public UpdateEmailWithProofActionFactory() {
        super(new UpdateEmail(), keycloak -> new UpdateEmailWithProofAction(keycloak, EmailChangeGuard.of(keycloak.getId())));
    }
}
