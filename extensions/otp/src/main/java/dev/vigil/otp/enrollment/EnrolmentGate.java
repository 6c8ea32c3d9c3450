package dev.vigil.otp.enrollment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change of the second factor (a new or replaced phone, another e-mail address) may do in one authentication:
 * it needs a fresh code to a factor the user already has, typed in this same authentication. Without any factor,
 * a first phone is registered only from a login the risk step judged LOW (the reason goes into the event); never
 * from a MEDIUM or HIGH one, which must not be passed by enrolling a factor of the attacker's choosing. HIGH anywhere
 * in the SSO session refuses outright.
 */
enum EnrolmentGate {

    REFUSED_HIGH_RISK(null),
    REFUSED_NO_FACTOR(null),
    PROVE_EXISTING_FACTOR(null),
    ALLOWED_AFTER_PROOF("second_factor"),
    ALLOWED_AT_LOW_RISK("low_risk");

    private static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

    private final String basis;

    EnrolmentGate(String basis) {
        this.basis = basis;
    }

    /** Why a phone could be registered, for the event; null when it cannot (yet). */
    String basis() {
        return basis;
    }

    /**
     * @param riskLevels the levels noted for this login and for its SSO session (absent ones as null)
     * @param hasFactor  whether the user has a verified factor a code can go to
     * @param proven     whether a fresh code to that factor was typed in this authentication
     */
    static EnrolmentGate decide(List<String> riskLevels, boolean hasFactor, boolean proven) {
        Optional<String> worst = worst(riskLevels);
        if (worst.filter("HIGH"::equals).isPresent()) {
            return REFUSED_HIGH_RISK;
        }
        if (proven) {
            return ALLOWED_AFTER_PROOF;
        }
        if (hasFactor) {
            return PROVE_EXISTING_FACTOR;
        }
        return worst.filter("LOW"::equals).isPresent() ? ALLOWED_AT_LOW_RISK : REFUSED_NO_FACTOR;
    }

    /** The worst known level; unknown text counts as nothing, and nothing at all (no risk step) is not LOW. */
    private static Optional<String> worst(List<String> levels) {
        return levels.stream().filter(Objects::nonNull).filter(LEVELS::contains).max((a, b) -> LEVELS.indexOf(a) - LEVELS.indexOf(b));
    }
}
