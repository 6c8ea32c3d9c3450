package dev.vigil.otp.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import dev.vigil.api.limits.SlidingWindowLimiter;
import dev.vigil.api.limits.SlidingWindowLimiter.Slot;

/**
 * Every OTP limit of a realm, as sliding windows in the cluster-wide store. Keys hold the realm and user
 * ids, and only hashes of phone numbers, e-mail addresses and IP addresses.
 */
public final class OtpLimits {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final SlidingWindowLimiter limiter;
    private final LimitSettings settings;
    private final String realmId;

    public OtpLimits(SlidingWindowLimiter limiter, LimitSettings settings, String realmId) {
        this.limiter = limiter;
        this.settings = settings;
        this.realmId = realmId;
    }

    /**
     * Takes one send, or says which limit refuses it. The cooldown (per user and destination) comes first: it is the user's own pace;
     * then the destination, the source address and the whole realm (SMS pumping and toll fraud).
     */
    public Optional<SendLimit> takeSend(String userId, String destination, String ipAddress) {
        if (settings.resendCooldown().toSeconds() > 0
                && !limiter.tryAcquire(key("cooldown", userId, hash(destination)), 1, settings.resendCooldown())) {
            return Optional.of(SendLimit.COOLDOWN);
        }
        if (!limiter.tryAcquire(key("destination", hash(destination)), settings.sendsPerDestinationPerHour(), HOUR)) {
            return Optional.of(SendLimit.DESTINATION);
        }
        if (!limiter.tryAcquire(key("ip", hash(ipAddress)), settings.sendsPerIpPerHour(), HOUR)) {
            return Optional.of(SendLimit.IP_ADDRESS);
        }
        if (!limiter.tryAcquire(key("realm"), settings.sendsPerRealmPerMinute(), MINUTE)) {
            return Optional.of(SendLimit.REALM);
        }
        return Optional.empty();
    }

    /** Takes one of the checks an issued code allows; false once they are spent (a new code is needed). */
    public boolean takeCheck(String challengeId, Duration codeLifetime) {
        return limiter.tryAcquire(key("check", challengeId), settings.checksPerCode(), codeLifetime);
    }

    /**
     * Reserves one of the user's wrong codes of the hour before a code is checked, so that racing requests
     * can never check more than the limit; {@link #forgive(Slot)} returns it when the code was right.
     */
    public Optional<Slot> reserveFailure(String userId) {
        return limiter.acquire(key("failure", userId), settings.failuresPerUserPerHour(), HOUR);
    }

    /** Whether the user's wrong codes of the hour are spent: then no code is even sent. */
    public boolean isLocked(String userId) {
        int limit = settings.failuresPerUserPerHour();
        return limiter.used(key("failure", userId), limit) >= limit;
    }

    public void forgive(Slot failure) {
        limiter.release(failure);
    }

    private String key(String kind, String... parts) {
        return "vigil-otp:" + kind + ":" + realmId + (parts.length == 0 ? "" : ":" + String.join(":", parts));
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
