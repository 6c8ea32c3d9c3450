package dev.vigil.otp.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.otp.credential.PhoneCredentialModel;
import dev.vigil.otp.credential.PhoneCredentialProvider;
import dev.vigil.otp.flow.CheckOutcome;
import dev.vigil.otp.flow.Destination;
import dev.vigil.otp.flow.OtpConfig;
import dev.vigil.otp.flow.OtpEvents;
import dev.vigil.otp.flow.OtpExchange;
import dev.vigil.otp.flow.OtpPage;
import dev.vigil.otp.flow.OtpPage.Purpose;
import dev.vigil.otp.flow.SendOutcome;
import dev.vigil.otp.flow.UserFactors;
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
 * Whoever holds only the password cannot get this far: see {@link EnrolmentGate} for what comes first.
 */
public class PhoneEnrollmentAction implements RequiredActionProvider, CredentialRegistrator {

    static final String TEMPLATE = "vigil-phone.ftl";
    static final String PHONE = "phone";
    static final String CHANGE = "change";
    static final String NOTE_PHONE = "vigil.otp.enrolment.phone";

    private final Clock clock;
    private final FactorProofStep proof;

    public PhoneEnrollmentAction(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.proof = new FactorProofStep(clock, random, PhoneEnrollmentActionFactory.ID);
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
        Optional<OtpExchange> opened = proof.open(context);
        if (opened.isEmpty()) {
            return;
        }
        OtpExchange exchange = opened.get();
        EnrolmentGate gate = FactorChangeGate.of(context, exchange.config());
        if (!refused(context, gate)) {
            context.challenge(gate == EnrolmentGate.PROVE_EXISTING_FACTOR
                    ? proof.page(context, exchange, existingFactor(context, exchange))
                    : phonePage(context, exchange.config(), null));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        Optional<OtpExchange> opened = proof.open(context);
        if (opened.isEmpty()) {
            return;
        }
        OtpExchange exchange = opened.get();
        EnrolmentGate gate = FactorChangeGate.of(context, exchange.config());
        if (refused(context, gate)) {
            return;
        }
        if (!HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
            requiredActionChallenge(context);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (gate == EnrolmentGate.PROVE_EXISTING_FACTOR) {
            if (proof.proven(context, exchange, existingFactor(context, exchange), form)) {
                context.challenge(phonePage(context, exchange.config(), null));
            }
            return;
        }
        String pending = context.getAuthenticationSession().getAuthNote(NOTE_PHONE);
        if (form.containsKey(PHONE)) {
            choosePhone(context, exchange, form.getFirst(PHONE));
        } else if (pending == null || form.containsKey(CHANGE)) {
            context.challenge(phonePage(context, exchange.config(), null));
        } else if (form.containsKey(OtpPage.RESEND)) {
            resend(context, exchange, pending);
        } else {
            check(context, exchange, gate, pending, form.getFirst(OtpPage.CODE));
        }
    }

    /** The factor a proof code goes to; the gate asks for a proof only when there is one. */
    private static Destination existingFactor(RequiredActionContext context, OtpExchange exchange) {
        return UserFactors.preferred(context.getUser(), exchange.config()).orElseThrow();
    }

    private void choosePhone(RequiredActionContext context, OtpExchange exchange, String typed) {
        OtpConfig config = exchange.config();
        PhoneCheck phone = PhoneNumbers.check(typed, config.defaultRegion(), config.allowedCountries());
        if (!phone.isAccepted()) {
            context.challenge(phonePage(context, config, new FormMessage(PHONE, phone.refusal().messageKey())));
            return;
        }
        SendOutcome outcome = send(context, exchange, phone.e164());
        if (outcome instanceof SendOutcome.Sent) {
            context.getAuthenticationSession().setAuthNote(NOTE_PHONE, phone.e164());
            context.challenge(OtpPage.afterSend(context.form(), exchange, outcome, Purpose.NEW_PHONE, false));
        } else {
            // Nothing was sent to this number: say why on the number's page, where another can be typed.
            context.challenge(phonePage(context, config, OtpPage.sendError(outcome, exchange).orElse(null)));
        }
    }

    /** A new code to the number being registered, whose code page stays (with what went wrong, if anything). */
    private void resend(RequiredActionContext context, OtpExchange exchange, String pending) {
        SendOutcome outcome = send(context, exchange, pending);
        context.challenge(OtpPage.afterSend(context.form(), exchange, outcome, Purpose.NEW_PHONE, false));
    }

    private static SendOutcome send(RequiredActionContext context, OtpExchange exchange, String e164) {
        SendOutcome outcome = exchange.send(Destination.sms(e164), context.getConnection().getRemoteAddr());
        OtpEvents.sent(context.getEvent(), context.getUser(), outcome);
        return outcome;
    }

    private void check(RequiredActionContext context, OtpExchange exchange, EnrolmentGate gate, String pending, String typed) {
        CheckOutcome outcome = exchange.check(typed);
        OtpEvents.checked(context.getEvent(), context.getUser(), outcome);
        if (outcome instanceof CheckOutcome.Accepted accepted && accepted.destination().equals(pending)) {
            new PhoneCredentialProvider(context.getSession()).createCredential(context.getRealm(), context.getUser(),
                    PhoneCredentialModel.create(pending, clock.millis()));
            context.getAuthenticationSession().removeAuthNote(NOTE_PHONE);
            context.getEvent().detail("vigil_phone", PhoneNumbers.masked(pending)).detail(FactorChangeGate.BASIS, gate.basis());
            context.success();
        } else if (outcome instanceof CheckOutcome.Locked) {
            context.challenge(FactorProofStep.lockedPage(context));
        } else {
            context.challenge(OtpPage.afterCheck(context.form(), exchange, outcome, Purpose.NEW_PHONE, false));
        }
    }

    /** Answers a refusing gate with its page and event; false when the gate lets the user on. */
    private static boolean refused(RequiredActionContext context, EnrolmentGate gate) {
        if (gate == EnrolmentGate.REFUSED_HIGH_RISK) {
            OtpEvents.enrolmentRefusedForRisk(context.getEvent(), context.getUser());
            context.challenge(context.form().setError("vigilPhoneEnrolmentRefusedRisk").createErrorPage(Response.Status.FORBIDDEN));
            return true;
        }
        if (gate == EnrolmentGate.REFUSED_NO_FACTOR) {
            OtpEvents.enrolmentRefusedWithoutFactor(context.getEvent(), context.getUser());
            context.challenge(context.form().setError("vigilPhoneEnrolmentRefusedNoFactor").createErrorPage(Response.Status.FORBIDDEN));
            return true;
        }
        return false;
    }

    private static Response phonePage(RequiredActionContext context, OtpConfig config, FormMessage error) {
        LoginFormsProvider form = context.form();
        if (error != null) {
            form.addError(new FormMessage(PHONE, error.getMessage(), error.getParameters()));
        }
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
