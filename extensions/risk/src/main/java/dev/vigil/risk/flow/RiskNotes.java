package dev.vigil.risk.flow;

/**
 * Where the risk step leaves its result. Other steps and extensions read these Keycloak notes, never Vigil
 * classes: the OTP extension refuses a new second factor when the level is HIGH.
 */
public final class RiskNotes {

    /**
     * LOW, MEDIUM or HIGH in the authentication session; absent in report-only mode. Also a user-session note holding
     * the worst level of the SSO session, which phone enrolment reads across tabs (never the token mapper).
     */
    public static final String LEVEL = "vigil.risk.level";
    /**
     * The level the model gave, also in report-only mode: for events and tokens, never for decisions. Also a client
     * note, which Keycloak copies to the client session of the authentication, for the token mapper.
     */
    public static final String ASSESSED_LEVEL = "vigil.risk.assessed-level";
    /**
     * Set by the risk-level condition when it sent the login through a step-up, e.g. OTP; also a client note, which
     * the risk step empties first so that a later authentication in the same SSO session never inherits it.
     */
    public static final String STEPPED_UP = "vigil.risk.stepped-up";
    /** The score, reasons and mode of the assessment, for the login event of a later request (see RiskReport). */
    public static final String SCORE = "vigil.risk.score";
    public static final String REASONS = "vigil.risk.reasons";
    public static final String MODE = "vigil.risk.mode";
    /** Which thresholds judged the score: fixed, calibrated, or the fixed ones as a fallback and why (ThresholdChoice). */
    public static final String THRESHOLDS = "vigil.risk.thresholds";
    /** Marks that the device-check page was shown, so it is shown at most once per login. */
    public static final String DEVICE_CHECKED = "vigil.risk.device-checked";

    private RiskNotes() {
    }
}
