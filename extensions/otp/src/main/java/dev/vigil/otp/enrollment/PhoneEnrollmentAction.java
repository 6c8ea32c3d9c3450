package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.otp.credential.PhoneCredentialModel;
import dev.vigil.otp.credential.PhoneCredentialProvider;
import dev.vigil.otp.flow.CheckOutcome;
import dev.vigil.otp.flow.Destination;
import dev.vigil.otp.flow.OtpConfig;
import dev.vigil.otp.flow.OtpEvents;
import dev.vigil.otp.flow.OtpExchange;
import dev.vigil.otp.flow.OtpPage;
import dev.vigil.otp.flow.RealmOtpSettings;
import dev.vigil.otp.flow.SendOutcome;
import dev.vigil.otp.phone.PhoneCheck;
import dev.vigil.otp.phone.PhoneNumbers;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Register a phone for sign-in codes": the user types a number, which is checked and normalised, gets a
 * code on it, and the number becomes their {@code vigil-phone} credential only once they type that code.
 * Refused outright in a session the risk step judged HIGH: no new second factor from a suspicious login.
 */
public class PhoneEnrollmentAction implements RequiredActionProvider, CredentialRegistrator {

    static final String TEMPLATE = "vigil-phone.ftl";
    static final String PHONE = "phone";
    static final String CHANGE = "change";
    static final String NOTE_PHONE = "vigil.otp.enrolment.phone";
    /** Written by the risk extension; read here through Keycloak's model only. */
    static final String RISK_LEVEL_NOTE = "vigil.risk.level";

    private final Clock clock;
    private final SecureRandom random;

    public PhoneEnrollmentAction(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (isHighRisk(context)) {
            refuseHighRisk(context);
            return;
        }
        if (settings(context).isPresent()) {
            context.challenge(phonePage(context, null));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (isHighRisk(context)) {
            refuseHighRisk(context);
            return;
        }
        Optional<OtpConfig> config = settings(context);
        if (config.isEmpty()) {
            return;
        }
        OtpExchange exchange = new OtpExchange(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession(), config.get(), clock, random);
        if (!HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
            context.challenge(phonePage(context, null));
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pending = context.getAuthenticationSession().getAuthNote(NOTE_PHONE);
        if (form.containsKey(PHONE)) {
            choosePhone(context, exchange, form.getFirst(PHONE));
        } else if (pending == null || form.containsKey(CHANGE)) {
            context.challenge(phonePage(context, null));
        } else if (form.containsKey(OtpPage.RESEND)) {
            send(context, exchange, pending);
        } else {
            check(context, exchange, pending, form.getFirst(OtpPage.CODE));
        }
    }

    private void choosePhone(RequiredActionContext context, OtpExchange exchange, String typed) {
        OtpConfig config = exchange.config();
        PhoneCheck phone = PhoneNumbers.check(typed, config.defaultRegion(), config.allowedCountries());
        if (!phone.isAccepted()) {
            context.challenge(phonePage(context, new FormMessage(PHONE, phone.refusal().messageKey())));
            return;
        }
        context.getAuthenticationSession().setAuthNote(NOTE_PHONE, phone.e164());
        send(context, exchange, phone.e164());
    }

    private void send(RequiredActionContext context, OtpExchange exchange, String e164) {
        SendOutcome outcome = exchange.send(Destination.sms(e164), context.getConnection().getRemoteAddr());
        OtpEvents.sent(context.getEvent(), context.getUser(), outcome);
        if (outcome instanceof SendOutcome.Sent || exchange.hasLiveCode()) {
            context.challenge(OtpPage.afterSend(context.form(), exchange, outcome, true, false));
        } else {
            // Nothing was sent to this number: say why, and let the user try another.
            context.getAuthenticationSession().removeAuthNote(NOTE_PHONE);
            context.challenge(phonePage(context, OtpPage.sendError(outcome, exchange).orElse(null)));
        }
    }

    private void check(RequiredActionContext context, OtpExchange exchange, String pending, String typed) {
        CheckOutcome outcome = exchange.check(typed);
        OtpEvents.checked(context.getEvent(), context.getUser(), outcome);
        if (outcome instanceof CheckOutcome.Accepted accepted && accepted.destination().equals(pending)) {
            new PhoneCredentialProvider(context.getSession()).createCredential(context.getRealm(), context.getUser(),
                    PhoneCredentialModel.create(pending, clock.millis()));
            context.getAuthenticationSession().removeAuthNote(NOTE_PHONE);
            context.getEvent().detail("vigil_phone", PhoneNumbers.masked(pending));
            context.success();
        } else if (outcome instanceof CheckOutcome.Locked) {
            context.challenge(context.form().setError("vigilOtpLocked").createErrorPage(Response.Status.TOO_MANY_REQUESTS));
        } else {
            context.challenge(OtpPage.afterCheck(context.form(), exchange, outcome, true, false));
        }
    }

    /** The realm's OTP settings; empty, with the page already shown, when a stored one is out of range. */
    private static Optional<OtpConfig> settings(RequiredActionContext context) {
        try {
            return Optional.of(RealmOtpSettings.of(context.getRealm()));
        } catch (InvalidSetting bad) {
            BadSettings.report(context.getSession(), context.getRealm(), PhoneEnrollmentActionFactory.ID, bad);
            context.challenge(context.form().setError("vigilOtpMisconfigured").createErrorPage(BadSettings.PAGE_STATUS));
            return Optional.empty();
        }
    }

    private static boolean isHighRisk(RequiredActionContext context) {
        return "HIGH".equals(context.getAuthenticationSession().getAuthNote(RISK_LEVEL_NOTE));
    }

    private static void refuseHighRisk(RequiredActionContext context) {
        OtpEvents.enrolmentRefusedForRisk(context.getEvent(), context.getUser());
        context.challenge(context.form().setError("vigilPhoneEnrolmentRefusedRisk").createErrorPage(Response.Status.FORBIDDEN));
    }

    private static Response phonePage(RequiredActionContext context, FormMessage error) {
        LoginFormsProvider form = context.form();
        if (error != null) {
            form.addError(new FormMessage(PHONE, error.getMessage(), error.getParameters()));
        }
        OtpConfig config = RealmOtpSettings.of(context.getRealm());
        return form
                .setAttribute("vigilPhoneDefaultRegion", config.defaultRegion())
                .setAttribute("vigilPhoneCurrent", PhoneCredentialProvider.phoneOf(context.getUser())
                        .map(PhoneCredentialModel::getUserLabel).orElse(""))
                .createForm(TEMPLATE);
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return PhoneCredentialModel.TYPE;
    }

    @Override
    public void close() {
    }
}
