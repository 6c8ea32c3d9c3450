package dev.vigil.risk.flow;

/** The details the risk step adds to Keycloak's LOGIN and LOGIN_ERROR events: coded, never personal data. */
public final class RiskEventDetails {

    public static final String LEVEL = "vigil_risk_level";
    public static final String SCORE = "vigil_risk_score";
    public static final String REASONS = "vigil_risk_reasons";
    public static final String MODE = "vigil_risk_mode";
    /** The event error of a login refused for its risk. */
    public static final String DENIED_ERROR = "vigil_risk_denied";

    private RiskEventDetails() {
    }
}
