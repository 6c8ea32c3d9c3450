package dev.vigil.otp.flow;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.vigil.api.settings.BadSettings;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.otp.credential.PhoneCredentialProvider;
import dev.vigil.otp.delivery.OtpChannel;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * "Vigil OTP": sends a code to the user's verified phone, or by e-mail when the user has none or asks for
 * it (if the realm allows), and checks it. Codes are only accepted from the form of a POST.
 */
public class OtpAuthenticator implements Authenticator {

    private final Clock clock;
    private final SecureRandom random;

    public OtpAuthenticator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (lockedByKeycloak(context)) {
            return;
        }
        Optional<OtpExchange> opened = open(context);
        if (opened.isEmpty()) {
            return;
        }
        OtpExchange exchange = opened.get();
        if (exchange.isLocked()) {
            OtpEvents.checked(context.getEvent(), context.getUser(), new CheckOutcome.Locked());
            lock(context);
            return;
        }
        if (exchange.hasLiveCode()) {
            context.challenge(page(context, exchange));
            return;
        }
        Optional<Destination> destination = UserFactors.preferred(context.getUser(), exchange.config());
        if (destination.isEmpty()) {
            context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED,
                    context.form().setError("vigilOtpNoDestination").createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        send(context, exchange, destination.get());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<OtpExchange> opened = open(context);
        if (opened.isEmpty()) {
            return;
        }
        OtpExchange exchange = opened.get();
        if (!HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
            context.challenge(page(context, exchange)); // never a code from a URL
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(OtpPage.RESEND)) {
            resend(context, exchange);
        } else if (form.containsKey(OtpPage.EMAIL) && emailOffered(context, exchange)) {
            send(context, exchange, Destination.email(UserFactors.verifiedEmail(context.getUser()).orElseThrow()));
        } else {
            check(context, exchange, form.getFirst(OtpPage.CODE));
        }
    }

    private void resend(AuthenticationFlowContext context, OtpExchange exchange) {
        OtpChannel current = exchange.currentChannel().orElse(OtpChannel.SMS);
        Optional<Destination> destination = current == OtpChannel.EMAIL && emailOffered(context, exchange)
                ? UserFactors.verifiedEmail(context.getUser()).map(Destination::email)
                : UserFactors.preferred(context.getUser(), exchange.config());
        if (destination.isEmpty()) {
            context.challenge(page(context, exchange));
            return;
        }
        send(context, exchange, destination.get());
    }

    private void send(AuthenticationFlowContext context, OtpExchange exchange, Destination destination) {
        SendOutcome outcome = exchange.send(destination, context.getConnection().getRemoteAddr());
        OtpEvents.sent(context.getEvent(), context.getUser(), outcome);
        context.challenge(OtpPage.afterSend(context.form(), exchange, outcome, OtpPage.Purpose.SIGN_IN, emailOffered(context, exchange)));
    }

    private void check(AuthenticationFlowContext context, OtpExchange exchange, String typed) {
        CheckOutcome outcome = exchange.check(typed);
        OtpEvents.checked(context.getEvent(), context.getUser(), outcome);
        if (outcome instanceof CheckOutcome.Accepted) {
            if (lockedByKeycloak(context)) {
                return; // even the right code does not sign in a user Keycloak has locked meanwhile
            }
            // Codes go only to factors the user already has: this authentication may now change them.
            FactorProof.mark(context.getAuthenticationSession());
            context.getEvent().detail(OtpEvents.CHANNEL, exchange.currentChannel().orElse(OtpChannel.SMS).name());
            context.success();
        } else if (outcome instanceof CheckOutcome.Locked) {
            lock(context);
        } else if (outcome instanceof CheckOutcome.Wrong) {
            reportToBruteForceDetection(context);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    OtpPage.afterCheck(context.form(), exchange, outcome, OtpPage.Purpose.SIGN_IN, emailOffered(context, exchange)));
        } else {
            context.challenge(OtpPage.afterCheck(context.form(), exchange, outcome, OtpPage.Purpose.SIGN_IN, emailOffered(context, exchange)));
        }
    }

    /**
     * Keycloak's brute-force detector counts failures of the password, OTP and recovery-code categories only, and
     * this step's category is the phone credential's: a wrong one-time code is reported as what it is, a wrong OTP.
     */
    private static void reportToBruteForceDetection(AuthenticationFlowContext context) {
        if (context.getRealm().isBruteForceProtected()) {
            context.getSession().getProvider(BruteForceProtector.class).failedLogin(context.getRealm(), context.getUser(),
                    context.getConnection(), context.getUriInfo(), Set.of(OTPCredentialModel.TYPE));
        }
    }

    /**
     * Keycloak's brute-force detection may lock the user in the middle of this step (e.g. a burst of wrong codes
     * from several sessions): then no code is sent, a right code does not sign in, and the step ends on the locked
     * page. Wrong codes are still checked and reported, so that Keycloak keeps counting them.
     */
    private static boolean lockedByKeycloak(AuthenticationFlowContext context) {
        String error = AuthenticatorUtils.getDisabledByBruteForceEventError(context, context.getUser());
        if (error == null) {
            return false;
        }
        OtpEvents.lockedByBruteForceDetection(context.getEvent(), context.getUser(), error);
        lock(context);
        return true;
    }

    private static void lock(AuthenticationFlowContext context) {
        context.failure(AuthenticationFlowError.ACCESS_DENIED,
                context.form().setError("vigilOtpLocked").createErrorPage(Response.Status.TOO_MANY_REQUESTS));
    }

    private static boolean emailOffered(AuthenticationFlowContext context, OtpExchange exchange) {
        return exchange.config().emailAllowed() && !exchange.config().emailOnly()
                && UserFactors.verifiedEmail(context.getUser()).isPresent()
                && exchange.currentChannel().orElse(OtpChannel.SMS) == OtpChannel.SMS;
    }

    private Response page(AuthenticationFlowContext context, OtpExchange exchange) {
        return OtpPage.render(context.form(), exchange, OtpPage.Purpose.SIGN_IN, emailOffered(context, exchange));
    }

    private Optional<OtpExchange> open(AuthenticationFlowContext context) {
        OtpConfig config;
        try {
            config = OtpConfig.from(context.getAuthenticatorConfig());
        } catch (InvalidSetting bad) {
            BadSettings.report(context.getSession(), context.getRealm(), OtpAuthenticatorFactory.ID, bad);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR,
                    context.form().setError("vigilOtpMisconfigured").createErrorPage(BadSettings.PAGE_STATUS));
            return Optional.empty();
        }
        return Optional.of(new OtpExchange(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession(), config, clock, random));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * Someone with a phone or a verified e-mail address can receive a code; others are sent to phone enrolment,
     * which lets them through only at LOW risk (a step-up is never passed by registering a new factor).
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return UserFactors.hasAny(user);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        if (realm.getRequiredActionProviderByAlias(PhoneCredentialProvider.ENROLMENT_ACTION) != null) {
            user.addRequiredAction(PhoneCredentialProvider.ENROLMENT_ACTION);
        }
    }

    @Override
    public void close() {
    }
}
