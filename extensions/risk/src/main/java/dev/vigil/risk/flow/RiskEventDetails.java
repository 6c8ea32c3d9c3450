package dev.vigil.risk.flow;

import org.keycloak.events.EventBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The details the risk step adds to Keycloak's LOGIN and LOGIN_ERROR events: coded, never personal data. Each
 * request has its own event builder, so they are read back from the authentication session's notes wherever an
 * event of the login is built: by the risk step itself, and at the end of the login by {@link RiskReport}.
 */
public final class RiskEventDetails {

    public static final String LEVEL = "vigil_risk_level";
    public static final String SCORE = "vigil_risk_score";
    public static final String REASONS = "vigil_risk_reasons";
    public static final String MODE = "vigil_risk_mode";
    /** fixed, calibrated, or fallback:REASON when calibrated thresholds were asked for but none could serve. */
    public static final String THRESHOLDS = "vigil_risk_thresholds";
    /** The event error of a login refused for its risk. */
    public static final String DENIED_ERROR = "vigil_risk_denied";

    private RiskEventDetails() {
    }

    public static EventBuilder addTo(EventBuilder event, AuthenticationSessionModel authSession) {
        String level = authSession.getAuthNote(RiskNotes.ASSESSED_LEVEL);
        if (level == null) {
            return event;
        }
        event.detail(LEVEL, level)
                .detail(SCORE, authSession.getAuthNote(RiskNotes.SCORE))
                .detail(REASONS, authSession.getAuthNote(RiskNotes.REASONS));
        String thresholds = authSession.getAuthNote(RiskNotes.THRESHOLDS);
        if (thresholds != null) {
            event.detail(THRESHOLDS, thresholds);
        }
        if (RiskConfig.REPORT_ONLY.equals(authSession.getAuthNote(RiskNotes.MODE))) {
            event.detail(MODE, RiskConfig.REPORT_ONLY);
        }
        return event;
    }
}
