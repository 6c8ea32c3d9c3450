package dev.vigil.otp.flow;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.api.limits.SlidingWindowLimiter;
import dev.vigil.api.limits.SlidingWindowLimiter.Slot;
import dev.vigil.otp.code.Challenge;
import dev.vigil.otp.code.ChallengeStore;
import dev.vigil.otp.code.CodeGenerator;
import dev.vigil.otp.code.CodeHash;
import dev.vigil.otp.delivery.CodeCheckingSender;
import dev.vigil.otp.delivery.DeliverySettings;
import dev.vigil.otp.delivery.EmailOtpSenderFactory;
import dev.vigil.otp.delivery.OtpChannel;
import dev.vigil.otp.delivery.OtpDeliveryException;
import dev.vigil.otp.delivery.OtpMessage;
import dev.vigil.otp.delivery.OtpSender;
import dev.vigil.otp.delivery.OutboxSenderFactory;
import dev.vigil.otp.delivery.RecipientMask;
import dev.vigil.otp.limits.LimiterKeys;
import dev.vigil.otp.limits.OtpLimits;
import dev.vigil.otp.limits.SendLimit;
import dev.vigil.otp.phone.PhoneNumbers;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Sends and checks codes for one user in one authentication session, under every limit. The session
 * holds only the challenge id, the masked destination and the time of the last send; the code itself
 * exists only as a salted hash in the cluster-wide store (or only at Twilio, for Verify).
 */
public final class OtpExchange {

    static final String NOTE_CHALLENGE = "vigil.otp.challenge";
    static final String NOTE_SENT_AT = "vigil.otp.sentAt";
    static final String NOTE_DESTINATION = "vigil.otp.destination";
    static final String NOTE_CHANNEL = "vigil.otp.channel";

    private static final Logger LOG = Logger.getLogger(OtpExchange.class);
    private static final int MAX_TYPED_LENGTH = 32;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final AuthenticationSessionModel authSession;
    private final OtpConfig config;
    private final Clock clock;
    private final SecureRandom random;
    private final ChallengeStore challenges;
    private final OtpLimits limits;

    /** @throws IllegalArgumentException when the realm cannot keep limits (no HMAC key): a misconfiguration */
    public OtpExchange(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession,
                       OtpConfig config, Clock clock, SecureRandom random) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.authSession = authSession;
        this.config = config;
        this.clock = clock;
        this.random = random;
        SingleUseObjectProvider store = session.singleUseObjects();
        this.challenges = new ChallengeStore(store, clock);
        this.limits = new OtpLimits(new SlidingWindowLimiter(store), config.limits(), LimiterKeys.of(session, realm));
    }

    public OtpConfig config() {
        return config;
    }

    public boolean isLocked() {
        return limits.isLocked(user.getId());
    }

    /** A live code already sent in this session (a page reload must not send another). */
    public boolean hasLiveCode() {
        return challenges.find(authSession.getAuthNote(NOTE_CHALLENGE))
                .filter(challenge -> challenge.isBoundTo(user.getId(), sessionKey()))
                .isPresent();
    }

    public SendOutcome send(Destination destination, String ipAddress) {
        if (destination.channel() == OtpChannel.SMS && !config.allowedCountries().isEmpty()
                && !config.allowedCountries().contains(PhoneNumbers.regionOf(destination.address()))) {
            return new SendOutcome.CountryRefused();
        }
        Optional<SendLimit> limit = limits.takeSend(user.getId(), authSession.getParentSession().getId(),
                destination.address(), ipAddress);
        if (limit.isPresent()) {
            return new SendOutcome.Limited(limit.get());
        }
        String senderId = senderFor(destination.channel());
        OtpSender sender = session.getProvider(OtpSender.class, senderId);
        if (sender == null) {
            LOG.errorf("Realm %s: no OTP channel '%s' (outbox, twilio-messaging, twilio-verify, email)", realm.getName(), senderId);
            return new SendOutcome.Failed(OtpDeliveryException.CONFIGURATION);
        }
        boolean senderChecks = sender instanceof CodeCheckingSender;
        String code = senderChecks ? "" : new CodeGenerator(random).generate(config.codeLength(), config.alphabet());
        Instant expiresAt = clock.instant().plus(config.lifetime());
        Challenge challenge = new Challenge(UUID.randomUUID().toString(), user.getId(), sessionKey(), senderId,
                destination.address(), senderChecks ? null : CodeHash.of(code, random), expiresAt);
        try {
            challenges.save(challenge);
            sender.send(message(destination, code), deliverySettings());
        } catch (OtpDeliveryException e) {
            challenges.discard(challenge.id());
            LOG.warnf("Realm %s: code to %s not delivered by %s: %s", realm.getName(),
                    RecipientMask.mask(destination.address()), senderId, e.getMessage());
            return new SendOutcome.Failed(e.errorCode());
        }
        // The new code replaces the session's previous one.
        challenges.discard(authSession.getAuthNote(NOTE_CHALLENGE));
        authSession.setAuthNote(NOTE_CHALLENGE, challenge.id());
        authSession.setAuthNote(NOTE_SENT_AT, String.valueOf(clock.instant().getEpochSecond()));
        authSession.setAuthNote(NOTE_DESTINATION, destination.masked());
        authSession.setAuthNote(NOTE_CHANNEL, destination.channel().name());
        return new SendOutcome.Sent(destination);
    }

    public CheckOutcome check(String typed) {
        String code = config.alphabet().normalise(typed);
        if (code.isEmpty()) {
            return new CheckOutcome.Missing();
        }
        String id = authSession.getAuthNote(NOTE_CHALLENGE);
        Optional<Challenge> found = challenges.find(id).filter(c -> c.isBoundTo(user.getId(), sessionKey()));
        if (found.isEmpty()) {
            return new CheckOutcome.NoCode();
        }
        Challenge challenge = found.get();
        if (!limits.takeCheck(challenge.id(), config.lifetime())) {
            return new CheckOutcome.Spent();
        }
        Optional<Slot> failure = limits.reserveFailure(user.getId());
        if (failure.isEmpty()) {
            return new CheckOutcome.Locked();
        }
        boolean right;
        try {
            right = code.length() <= MAX_TYPED_LENGTH && matches(challenge, code);
        } catch (OtpDeliveryException e) {
            limits.forgive(failure.get());
            LOG.warnf("Realm %s: code check by %s failed: %s", realm.getName(), challenge.senderId(), e.getMessage());
            return new CheckOutcome.Unavailable(e.errorCode());
        }
        if (!right) {
            return new CheckOutcome.Wrong();
        }
        limits.forgive(failure.get());
        if (!challenges.consume(challenge.id())) {
            return new CheckOutcome.NoCode(); // a racing request used it first
        }
        clearNotes();
        return new CheckOutcome.Accepted(challenge.destination());
    }

    /** Seconds before the user may ask for another code to the current destination. */
    public long secondsBeforeResend() {
        String sentAt = authSession.getAuthNote(NOTE_SENT_AT);
        if (sentAt == null) {
            return 0;
        }
        long elapsed = clock.instant().getEpochSecond() - Long.parseLong(sentAt);
        return Math.max(0, config.limits().resendCooldown().toSeconds() - elapsed);
    }

    public String maskedDestination() {
        return authSession.getAuthNote(NOTE_DESTINATION);
    }

    public Optional<OtpChannel> currentChannel() {
        return Optional.ofNullable(authSession.getAuthNote(NOTE_CHANNEL)).map(OtpChannel::valueOf);
    }

    private boolean matches(Challenge challenge, String code) throws OtpDeliveryException {
        if (challenge.hash() != null) {
            return challenge.hash().matches(code);
        }
        OtpSender sender = session.getProvider(OtpSender.class, challenge.senderId());
        if (!(sender instanceof CodeCheckingSender checking)) {
            throw new OtpDeliveryException("channel " + challenge.senderId() + " does not check codes",
                    OtpDeliveryException.CONFIGURATION, null);
        }
        return checking.check(challenge.destination(), code, deliverySettings());
    }

    private String senderFor(OtpChannel channel) {
        if (channel == OtpChannel.SMS) {
            return config.channel();
        }
        // The development outbox takes e-mail too, so a demo realm needs no SMTP server.
        return OutboxSenderFactory.ID.equals(config.channel()) ? OutboxSenderFactory.ID : EmailOtpSenderFactory.ID;
    }

    private OtpMessage message(Destination destination, String code) {
        OtpTexts texts = OtpTexts.of(session, realm, user);
        int minutes = (int) Math.max(1, Math.round(config.lifetime().toSeconds() / 60.0));
        if (destination.channel() == OtpChannel.SMS) {
            String host = session.getContext().getUri().getBaseUri().getHost();
            return new OtpMessage(realm.getName(), OtpChannel.SMS, destination.address(), "",
                    code.isEmpty() ? "" : texts.smsBody(code, minutes, host), texts.locale());
        }
        return new OtpMessage(realm.getName(), OtpChannel.EMAIL, destination.address(), texts.emailSubject(),
                texts.emailBody(code, minutes), texts.locale());
    }

    private DeliverySettings deliverySettings() throws OtpDeliveryException {
        if (!config.channel().startsWith("twilio")) {
            return DeliverySettings.NONE;
        }
        return new TwilioSecrets(session.vault(), System::getenv).resolve(config.twilio());
    }

    private void clearNotes() {
        authSession.removeAuthNote(NOTE_CHALLENGE);
        authSession.removeAuthNote(NOTE_SENT_AT);
    }

    private String sessionKey() {
        return authSession.getParentSession().getId() + "." + authSession.getTabId();
    }
}
