package dev.vigil.otp.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.vigil.api.limits.SlidingWindowLimiter;
import dev.vigil.api.limits.SlidingWindowLimiter.Slot;
import dev.vigil.api.limits.SlidingWindowLimiter.Window;

/**
 * Every OTP limit of a realm, as sliding windows in the cluster-wide store. Keys hold the realm, user and session
 * ids, and phone numbers, e-mail addresses and networks only as keyed hashes ({@link LimiterKeys}).
 */
public final class OtpLimits {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final SlidingWindowLimiter limiter;
    private final LimitSettings settings;
    private final LimiterKeys keys;

    public OtpLimits(SlidingWindowLimiter limiter, LimitSettings settings, LimiterKeys keys) {
        this.limiter = limiter;
        this.settings = settings;
        this.keys = keys;
    }

    /**
     * Takes one send in every window, or none of them, or says which limit refuses it. The cooldown (per user and
     * destination) comes first: it is the user's own pace; then the destination, the user and the session (so one
     * account cycling numbers is capped), the source network and last the whole realm (SMS pumping and toll
     * fraud): a user over their own share never takes a unit of the realm's.
     */
    public Optional<SendLimit> takeSend(String userId, String sessionId, String destination, String ipAddress) {
        List<SendLimit> limits = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        String hiddenDestination = keys.hidden(destination);
        if (settings.resendCooldown().toSeconds() > 0) {
            limits.add(SendLimit.COOLDOWN);
            windows.add(new Window(keys.of("cooldown", userId, hiddenDestination), 1, settings.resendCooldown()));
        }
        limits.add(SendLimit.DESTINATION);
        windows.add(new Window(keys.of("destination", hiddenDestination), settings.sendsPerDestinationPerHour(), HOUR));
        limits.add(SendLimit.USER);
        windows.add(new Window(keys.of("user", userId), settings.userShare(), HOUR));
        limits.add(SendLimit.SESSION);
        windows.add(new Window(keys.of("session", sessionId), settings.sendsPerSession(), HOUR));
        limits.add(SendLimit.IP_ADDRESS);
        windows.add(new Window(keys.of("ip", keys.hidden(SourceNetwork.of(ipAddress))), settings.sendsPerIpPerHour(), HOUR));
        limits.add(SendLimit.REALM);
        windows.add(new Window(keys.of("realm"), settings.sendsPerRealmPerMinute(), MINUTE));
        return limiter.acquireAll(windows).map(full -> limits.get(windows.indexOf(full)));
    }
    /** Takes one of the checks an issued code allows; false once they are spent (a new code is needed). */
    public boolean takeCheck(String challengeId, Duration codeLifetime) {
        return limiter.tryAcquire(keys.of("check", challengeId), settings.checksPerCode(), codeLifetime);
    }

    /**
     * Reserves one of the user's wrong codes of the hour before a code is checked, so that racing requests
     * can never check more than the limit; {@link #forgive(Slot)} returns it when the code was right.
     */
    public Optional<Slot> reserveFailure(String userId) {
        return limiter.acquire(keys.of("failure", userId), settings.failuresPerUserPerHour(), HOUR);
    }

    /** Whether the user's wrong codes of the hour are spent: then no code is even sent. */
    public boolean isLocked(String userId) {
        int limit = settings.failuresPerUserPerHour();
        return limiter.used(keys.of("failure", userId), limit) >= limit;
    }

    public void forgive(Slot failure) {
        limiter.release(failure);
    }
}
