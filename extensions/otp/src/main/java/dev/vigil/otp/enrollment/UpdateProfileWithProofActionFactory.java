package dev.vigil.otp.enrollment;

import org.keycloak.authentication.requiredactions.UpdateProfile;

/** Vigil's "Update profile" in the place of Keycloak's ({@code UPDATE_PROFILE}): a changed address needs a fresh code first. */
public class UpdateProfileWithProofActionFactory extends KeycloakActionOverride<UpdateProfile> {

    public UpdateProfileWithProofActionFactory() {
        super(new UpdateProfile(), keycloak -> new UpdateProfileWithProofAction(keycloak, EmailChangeGuard.of(keycloak.getId())));
    }
}
