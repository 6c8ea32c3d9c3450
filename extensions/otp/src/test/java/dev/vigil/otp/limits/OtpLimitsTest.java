package dev.vigil.otp.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import dev.vigil.api.limits.SlidingWindowLimiter;
import dev.vigil.api.limits.SlidingWindowLimiter.Slot;
import dev.vigil.api.testing.InMemorySingleUseObjects;
import dev.vigil.api.testing.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtpLimitsTest {

    private static final LimitSettings DEFAULTS = new LimitSettings(5, 10, Duration.ofSeconds(30), 3, 10, 5, 10, 20);
    private static final LimiterKeys KEYS = new LimiterKeys("realm-1",
            new SecretKeySpec("a realm secret of 32 bytes......".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);

    private OtpLimits limits(LimitSettings settings) {
        return new OtpLimits(new SlidingWindowLimiter(store), settings, KEYS);
    }

    /** A send in the user's own session, so that only the limit under test is met. */
    private static Optional<SendLimit> send(OtpLimits limits, String user, String destination, String ip) {
        return limits.takeSend(user, "session-of-" + user, destination, ip);
    }

    @Nested
    class Sending {

        private final OtpLimits limits = limits(DEFAULTS);

        @Test
        void aSecondSendToTheSameDestinationWaitsForTheCooldown() {
            assertThat(send(limits, "u", "+33612345678", "192.0.2.1")).isEmpty();
            assertThat(send(limits, "u", "+33612345678", "192.0.2.1")).contains(SendLimit.COOLDOWN);

            clock.advance(Duration.ofSeconds(30));

            assertThat(send(limits, "u", "+33612345678", "192.0.2.1")).isEmpty();
        }

        @Test
        void theCooldownDoesNotHoldBackAnotherDestination() {
            send(limits, "u", "+33612345678", "192.0.2.1");

            assertThat(send(limits, "u", "u@example.com", "192.0.2.1")).isEmpty();
        }

        @Test
        void threeCodesPerNumberAnHourWhoeverAsks() {
            for (String user : new String[] {"a", "b", "c"}) {
                assertThat(send(limits, user, "+33612345678", "192.0.2." + user.charAt(0))).isEmpty();
            }
            assertThat(send(limits, "d", "+33612345678", "192.0.2.4")).contains(SendLimit.DESTINATION);

            clock.advance(Duration.ofHours(1));
            assertThat(send(limits, "d", "+33612345678", "192.0.2.4")).isEmpty();
        }

        @Test
        void tenCodesPerSourceAddressAnHour() {
            for (int i = 0; i < 10; i++) {
                assertThat(send(limits, "u" + i, "+3361234567" + i, "192.0.2.1")).isEmpty();
            }
            assertThat(send(limits, "u10", "+33698765432", "192.0.2.1")).contains(SendLimit.IP_ADDRESS);
            assertThat(send(limits, "u11", "+33698765431", "192.0.2.2")).isEmpty();
        }

        @Test
        void twentyCodesPerRealmAMinute() {
            for (int i = 0; i < 20; i++) {
                assertThat(send(limits, "u" + i, "+336123456" + (10 + i), "192.0.2." + i)).isEmpty();
            }
            assertThat(send(limits, "x", "+33698765432", "198.51.100.1")).contains(SendLimit.REALM);

            clock.advance(Duration.ofMinutes(1));
            assertThat(send(limits, "x", "+33698765432", "198.51.100.1")).isEmpty();
        }

        @Test
        void aUserIsCappedAcrossNumbersAndSessions() {
            for (int i = 0; i < 10; i++) {
                assertThat(limits.takeSend("u", "session-" + i, "+3361234560" + i, "192.0.2." + i)).isEmpty();
            }

            assertThat(limits.takeSend("u", "session-x", "+33698765432", "198.51.100.1")).contains(SendLimit.USER);
            assertThat(send(limits, "someone-else", "+33698765432", "198.51.100.1")).isEmpty();
        }

        @Test
        void aUsersShareIsNeverMoreThanHalfTheRealmsMinute() {
            OtpLimits small = limits(new LimitSettings(5, 10, Duration.ZERO, 3, 10, 5, 10, 6));
            for (int i = 0; i < 3; i++) {
                assertThat(small.takeSend("pumper", "s" + i, "+3361234560" + i, "192.0.2." + i)).isEmpty();
            }

            assertThat(small.takeSend("pumper", "s9", "+33612345609", "192.0.2.9")).contains(SendLimit.USER);
            for (int i = 0; i < 3; i++) {
                assertThat(send(small, "other" + i, "+3369876540" + i, "198.51.100." + i)).as("others keep their codes").isEmpty();
            }
        }

        @Test
        void aSessionIsCappedAcrossNumbers() {
            for (int i = 0; i < 5; i++) {
                assertThat(limits.takeSend("u", "s", "+3361234560" + i, "192.0.2.1")).isEmpty();
            }

            assertThat(limits.takeSend("u", "s", "+33698765432", "192.0.2.1")).contains(SendLimit.SESSION);
            assertThat(limits.takeSend("u", "another-session", "+33698765432", "192.0.2.1")).isEmpty();
        }

        @Test
        void theAddressesOfOneIpv6Slash64ShareTheirWindow() {
            for (int i = 0; i < 10; i++) {
                assertThat(send(limits, "u" + i, "+3361234560" + i, "2001:db8:1:2::" + (i + 1))).isEmpty();
            }

            assertThat(send(limits, "v", "+33698765432", "2001:db8:1:2:ffff:ffff:ffff:ffff")).contains(SendLimit.IP_ADDRESS);
            assertThat(send(limits, "w", "+33698765431", "2001:db8:1:3::1")).isEmpty();
        }

        @Test
        void aSendRefusedByALaterLimitTakesNothingFromTheEarlierOnes() {
            OtpLimits tight = limits(new LimitSettings(5, 10, Duration.ofSeconds(30), 1, 10, 5, 1, 20));
            assertThat(send(tight, "a", "+33612345601", "192.0.2.1")).isEmpty();

            assertThat(send(tight, "b", "+33612345602", "192.0.2.1")).contains(SendLimit.IP_ADDRESS);

            assertThat(send(tight, "b", "+33612345602", "192.0.2.2")).as("no cooldown, number slot or user slot kept").isEmpty();
        }

        @Test
        void keysHoldNoNumberAndNoAddress() {
            send(limits, "u", "+33612345678", "192.0.2.1");

            assertThat(store.contains("vigil-otp:realm:realm-1#1")).isTrue();
            assertThat(send(limits, "u2", "+33612345678", "192.0.2.1")).isEmpty();
            // The keys are hashed: a lookup by the raw values finds nothing.
            assertThat(store.contains("vigil-otp:destination:realm-1:+33612345678#1")).isFalse();
            assertThat(store.contains("vigil-otp:ip:realm-1:192.0.2.1#1")).isFalse();
            assertThat(store.contains("vigil-otp:destination:realm-1:" + KEYS.hidden("+33612345678") + "#1")).isTrue();
        }
    }

    @Nested
    class Checking {

        private final OtpLimits limits = limits(DEFAULTS);

        @Test
        void fiveChecksPerCode() {
            for (int i = 0; i < 5; i++) {
                assertThat(limits.takeCheck("code-1", Duration.ofMinutes(5))).isTrue();
            }
            assertThat(limits.takeCheck("code-1", Duration.ofMinutes(5))).isFalse();
            assertThat(limits.takeCheck("code-2", Duration.ofMinutes(5))).isTrue();
        }

        @Test
        void tenFailuresAnHourLockTheUserWhateverTheCode() {
            for (int i = 0; i < 10; i++) {
                assertThat(limits.reserveFailure("u")).isPresent();
            }
            assertThat(limits.isLocked("u")).isTrue();
            assertThat(limits.reserveFailure("u")).isEmpty();

            clock.advance(Duration.ofHours(1));
            assertThat(limits.isLocked("u")).isFalse();
        }

        @Test
        void aRightCodeGivesItsReservedFailureBack() {
            for (int i = 0; i < 9; i++) {
                limits.reserveFailure("u");
            }
            Optional<Slot> reserved = limits.reserveFailure("u");
            assertThat(limits.isLocked("u")).isTrue();

            limits.forgive(reserved.orElseThrow());

            assertThat(limits.isLocked("u")).isFalse();
        }
    }

    @Test
    void aZeroCooldownMeansNone() {
        OtpLimits limits = limits(new LimitSettings(5, 10, Duration.ZERO, 3, 10, 5, 10, 20));

        assertThat(send(limits, "u", "+33612345678", "192.0.2.1")).isEmpty();
        assertThat(send(limits, "u", "+33612345678", "192.0.2.1")).isEmpty();
    }
}
