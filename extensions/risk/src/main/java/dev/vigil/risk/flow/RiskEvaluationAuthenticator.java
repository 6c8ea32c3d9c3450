package dev.vigil.risk.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.api.flow.DirectGrant;
import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.risk.calibration.store.CalibrationStore;
import dev.vigil.risk.model.Assessment;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.signal.FingerprintSignal;
import dev.vigil.risk.signal.LoginContext;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Vigil risk evaluation": scores the login and leaves the level for the risk-level conditions that follow.
 * When the realm collects fingerprints it takes the one the password form carried from a consenting user's browser
 * ({@link LoginFormFingerprint}), or else first shows the device-check page (one automatic round trip).
 * A HIGH login is refused here when the step is set to deny; in report-only mode nothing changes the flow. In the
 * password grant, where no page can be shown, there is no device check and anything but LOW is refused.
 */
final class RiskEvaluationAuthenticator implements Authenticator {

    static final String FINGERPRINT_PARAM = "fingerprint";
    static final String DEVICE_CHECK_TEMPLATE = "vigil-device-check.ftl";
    /** Longest fingerprint field accepted into the session; anything longer is malformed anyway. */
    private static final int MAX_FINGERPRINT = 128;

    private final Clock clock;

    RiskEvaluationAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<RiskConfig> config = settings(context);
        if (config.isEmpty()) {
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!DirectGrant.isDirectGrant(context) && store(context).collects(context.getRealm(), Feature.FINGERPRINT)
                && authSession.getAuthNote(RiskNotes.DEVICE_CHECKED) == null) {
            Optional<String> carried = LoginFormFingerprint.carried(context);
            if (carried.isPresent()) {
                // The password form brought it, from a consenting user's browser: no device-check round trip.
                authSession.setAuthNote(RiskNotes.DEVICE_CHECKED, "login-form");
                authSession.setAuthNote(FingerprintSignal.NOTE, carried.get());
            } else {
                authSession.setAuthNote(RiskNotes.DEVICE_CHECKED, "asked");
                context.challenge(context.form().createForm(DEVICE_CHECK_TEMPLATE));
                return;
            }
        }
        evaluate(context, config.get());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<RiskConfig> config = settings(context);
        if (config.isEmpty()) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String fingerprint = form.getFirst(FINGERPRINT_PARAM);
        if (fingerprint != null && !fingerprint.isEmpty()) {
            // Kept as sent (cut to a bounded length); the fingerprint signal tells well-formed from malformed.
            context.getAuthenticationSession().setAuthNote(FingerprintSignal.NOTE,
                    fingerprint.length() > MAX_FINGERPRINT ? fingerprint.substring(0, MAX_FINGERPRINT) : fingerprint);
        }
        evaluate(context, config.get());
    }

    /** The step's settings; empty, with the sign-in refused on a clear page, when a stored one is out of range. */
    private static Optional<RiskConfig> settings(AuthenticationFlowContext context) {
        try {
            return Optional.of(RiskConfig.of(context.getAuthenticatorConfig()));
        } catch (InvalidSetting bad) {
            BadSettings.report(context.getSession(), context.getRealm(), RiskEvaluationAuthenticatorFactory.ID, bad);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR,
                    context.form().setError("vigilRiskMisconfigured").createErrorPage(BadSettings.PAGE_STATUS));
            return Optional.empty();
        }
    }

    private void evaluate(AuthenticationFlowContext context, RiskConfig config) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SignInHistoryProvider store = store(context);
        if (store.processingRestricted(realm, user)) {
            // Nothing about the user may be used or kept: no score, and the safe answer, a second factor.
            conclude(context, config, RiskLevel.MEDIUM, 0, List.of("processing-restricted"));
            return;
        }
        ThresholdChoice thresholds = ThresholdChoice.of(config,
                () -> CalibrationStore.of(context.getSession()).latest(realm.getId()));
        authSession.setAuthNote(RiskNotes.THRESHOLDS, thresholds.source());
        Instant now = clock.instant();
        List<SignIn> history = store.recent(realm, user, config.historySize()).stream()
                .filter(signIn -> signIn.at().isAfter(now.minus(config.historyAge())))
                .toList();
        RiskAssessor.Result result = new RiskAssessor(new LoginContext(context.getSession(), realm, user, authSession,
                thresholds.config(), store, history, now)).assess();
        result.pending().keepIn(authSession);
        Assessment assessment = result.assessment();
        conclude(context, config, assessment.level(), assessment.score(), assessment.reasonCodes());
    }

    private static void conclude(AuthenticationFlowContext context, RiskConfig config, RiskLevel level, double score,
                                 List<String> reasons) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RiskNotes.ASSESSED_LEVEL, level.name());
        // Client notes end up in the client session of this authentication, overwriting those of an earlier one
        // in the same SSO session: the token then speaks of this authentication only. No step-up until the
        // risk-level condition sends the login through one.
        authSession.setClientNote(RiskNotes.ASSESSED_LEVEL, level.name());
        authSession.setClientNote(RiskNotes.STEPPED_UP, "");
        authSession.setAuthNote(RiskNotes.SCORE, String.format(Locale.ROOT, "%.3g", score));
        authSession.setAuthNote(RiskNotes.REASONS, String.join(",", reasons));
        authSession.setAuthNote(RiskNotes.MODE, config.reportOnly() ? RiskConfig.REPORT_ONLY : RiskConfig.ENFORCE);
        EventBuilder event = RiskEventDetails.addTo(context.getEvent().user(context.getUser()), authSession);
        if (config.reportOnly()) {
            context.success();
            return;
        }
        authSession.setAuthNote(RiskNotes.LEVEL, level.name());
        authSession.setUserSessionNote(RiskNotes.LEVEL, worstInSsoSession(context, level).name());
        if (DirectGrant.isDirectGrant(context) && level != RiskLevel.LOW) {
            // No page for a second factor: only a LOW login gets tokens from the password alone.
            event.error(RiskEventDetails.DENIED_ERROR);
            context.failure(AuthenticationFlowError.ACCESS_DENIED, DirectGrant.refusal(level == RiskLevel.HIGH
                    ? "This sign-in was refused because it looks too risky"
                    : "This sign-in needs a second factor: sign in with a browser"));
            return;
        }
        if (level == RiskLevel.HIGH && config.denyHighRisk()) {
            event.error(RiskEventDetails.DENIED_ERROR);
            Response page = context.form().setError("vigilRiskDenied").createErrorPage(Response.Status.FORBIDDEN);
            context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
            return;
        }
        context.success();
    }

    /**
     * The worst level assessed in the SSO session this login joins (Keycloak names it after the authentication
     * sessions' root), so that a HIGH once seen holds for every later tab and authorization of that session, e.g.
     * for phone enrolment; never for tokens, which speak of their own authentication only.
     */
    private static RiskLevel worstInSsoSession(AuthenticationFlowContext context, RiskLevel level) {
        UserSessionModel ssoSession = context.getSession().sessions()
                .getUserSession(context.getRealm(), context.getAuthenticationSession().getParentSession().getId());
        String earlier = ssoSession == null ? null : ssoSession.getNote(RiskNotes.LEVEL);
        if (earlier == null) {
            return level;
        }
        try {
            return level.atLeast(RiskLevel.valueOf(earlier));
        } catch (IllegalArgumentException notALevel) {
            return level;
        }
    }

    private static SignInHistoryProvider store(AuthenticationFlowContext context) {
        return context.getSession().getProvider(SignInHistoryProvider.class);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
