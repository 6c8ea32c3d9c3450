package dev.vigil.otp.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.vigil.api.limits.SlidingWindowLimiter;
import dev.vigil.api.limits.SlidingWindowLimiter.Slot;
import dev.vigil.api.testing.InMemorySingleUseObjects;
import dev.vigil.api.testing.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtpLimitsTest {

    private static final LimitSettings DEFAULTS = new LimitSettings(5, 10, Duration.ofSeconds(30), 3, 10, 5, 10, 20);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);

    private OtpLimits limits(LimitSettings settings) {
        return new OtpLimits(new SlidingWindowLimiter(store), settings, "realm-1");
    }

    @Nested
    class Sending {

        private final OtpLimits limits = limits(DEFAULTS);

        @Test
        void aSecondSendToTheSameDestinationWaitsForTheCooldown() {
            assertThat(limits.takeSend("u", "+33612345678", "192.0.2.1")).isEmpty();
            assertThat(limits.takeSend("u", "+33612345678", "192.0.2.1")).contains(SendLimit.COOLDOWN);

            clock.advance(Duration.ofSeconds(30));

            assertThat(limits.takeSend("u", "+33612345678", "192.0.2.1")).isEmpty();
        }

        @Test
        void theCooldownDoesNotHoldBackAnotherDestination() {
            limits.takeSend("u", "+33612345678", "192.0.2.1");

            assertThat(limits.takeSend("u", "u@example.com", "192.0.2.1")).isEmpty();
        }

        @Test
        void threeCodesPerNumberAnHourWhoeverAsks() {
            for (String user : new String[] {"a", "b", "c"}) {
                assertThat(limits.takeSend(user, "+33612345678", "192.0.2." + user.charAt(0))).isEmpty();
            }
            assertThat(limits.takeSend("d", "+33612345678", "192.0.2.4")).contains(SendLimit.DESTINATION);

            clock.advance(Duration.ofHours(1));
            assertThat(limits.takeSend("d", "+33612345678", "192.0.2.4")).isEmpty();
        }

        @Test
        void tenCodesPerSourceAddressAnHour() {
            for (int i = 0; i < 10; i++) {
                assertThat(limits.takeSend("u" + i, "+3361234567" + i, "192.0.2.1")).isEmpty();
            }
            assertThat(limits.takeSend("u10", "+33698765432", "192.0.2.1")).contains(SendLimit.IP_ADDRESS);
            assertThat(limits.takeSend("u11", "+33698765431", "192.0.2.2")).isEmpty();
        }

        @Test
        void twentyCodesPerRealmAMinute() {
            for (int i = 0; i < 20; i++) {
                assertThat(limits.takeSend("u" + i, "+336123456" + (10 + i), "192.0.2." + i)).isEmpty();
            }
            assertThat(limits.takeSend("x", "+33698765432", "198.51.100.1")).contains(SendLimit.REALM);

            clock.advance(Duration.ofMinutes(1));
            assertThat(limits.takeSend("x", "+33698765432", "198.51.100.1")).isEmpty();
        }

        @Test
        void keysHoldNoNumberAndNoAddress() {
            limits.takeSend("u", "+33612345678", "192.0.2.1");

            assertThat(store.contains("vigil-otp:realm:realm-1#1")).isTrue();
            assertThat(limits.takeSend("u2", "+33612345678", "192.0.2.1")).isEmpty();
            // The keys are hashed: a lookup by the raw values finds nothing.
            assertThat(store.contains("vigil-otp:destination:realm-1:+33612345678#1")).isFalse();
            assertThat(store.contains("vigil-otp:ip:realm-1:192.0.2.1#1")).isFalse();
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

        assertThat(limits.takeSend("u", "+33612345678", "192.0.2.1")).isEmpty();
        assertThat(limits.takeSend("u", "+33612345678", "192.0.2.1")).isEmpty();
    }
}
