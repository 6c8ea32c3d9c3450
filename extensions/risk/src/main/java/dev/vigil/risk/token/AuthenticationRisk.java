package dev.vigil.risk.token;

import java.util.Optional;

/**
 * What a token may say about the risk of the authentication that produced it, read from the notes of its client
 * session: the level the risk step gave, and whether a step-up followed. A single sign-on through the cookie
 * assessed nothing and stepped up nothing, so it claims neither, whatever an earlier authentication left.
 */
record AuthenticationRisk(String level, boolean steppedUp) {

    static final String PASSWORD_ACR = "1";
    static final String STEPPED_UP_ACR = "2";

    static Optional<AuthenticationRisk> of(boolean singleSignOn, String assessedLevel, String steppedUpLevel) {
        if (singleSignOn || assessedLevel == null || assessedLevel.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticationRisk(assessedLevel, steppedUpLevel != null && !steppedUpLevel.isBlank()));
    }

    /** Keycloak's acr, raised from "1" (a password) to "2" when this authentication passed a step-up. */
    String acr(String keycloakAcr, boolean raise) {
        return raise && steppedUp && PASSWORD_ACR.equals(keycloakAcr) ? STEPPED_UP_ACR : keycloakAcr;
    }
}
