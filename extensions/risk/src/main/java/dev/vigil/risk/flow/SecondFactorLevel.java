package dev.vigil.risk.flow;

/**
 * Vigil's levels of authentication, as Keycloak's level-of-authentication conditions and the {@code acr} claim
 * count them: 1 is a password, 2 a password and a Vigil code. The realm maps acr values to them
 * ({@code acr.loa.map}); the demo realm maps "1" to 1 and "2" to 2.
 */
final class SecondFactorLevel {

    static final int PASSWORD_AND_CODE = 2;
    private static final int NOT_REQUESTED = -1;

    private SecondFactorLevel() {
    }

    /**
     * The level a login must reach once its risk asked for a code: the level the client requested (Keycloak keeps
     * it as a number, absent when none was asked), or the code's level when that is higher.
     */
    static int raise(String requestedLevel) {
        return Math.max(parse(requestedLevel), PASSWORD_AND_CODE);
    }

    private static int parse(String level) {
        if (level == null) {
            return NOT_REQUESTED;
        }
        try {
            return Integer.parseInt(level.trim());
        } catch (NumberFormatException notANumber) {
            return NOT_REQUESTED;
        }
    }
}
