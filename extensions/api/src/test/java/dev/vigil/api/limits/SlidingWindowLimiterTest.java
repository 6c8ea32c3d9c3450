package dev.vigil.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.vigil.api.testing.InMemorySingleUseObjects;
import dev.vigil.api.testing.MutableClock;
import dev.vigil.local.SimultaneousStart;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(store);

    @Nested
    class GivenALimitOfThreePerHour {

        @Test
        void grantsThreeThenRefuses() {
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isTrue();
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isTrue();
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isTrue();

            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isFalse();
            assertThat(limiter.used("k", 3)).isEqualTo(3);
        }

        @Test
        void slidesEachUnitOutOneWindowAfterItWasTaken() {
            limiter.tryAcquire("k", 3, Duration.ofHours(1));
            clock.advance(Duration.ofMinutes(20));
            limiter.tryAcquire("k", 3, Duration.ofHours(1));
            limiter.tryAcquire("k", 3, Duration.ofHours(1));

            clock.advance(Duration.ofMinutes(40)); // the first unit is an hour old
            assertThat(limiter.used("k", 3)).isEqualTo(2);
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isTrue();
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isFalse();
        }

        @Test
        void keysAreIndependent() {
            for (int i = 0; i < 3; i++) {
                limiter.tryAcquire("a", 3, Duration.ofHours(1));
            }
            assertThat(limiter.tryAcquire("b", 3, Duration.ofHours(1))).isTrue();
        }

        @Test
        void aReleasedSlotCanBeTakenAgain() {
            SlidingWindowLimiter.Slot first = limiter.acquire("k", 3, Duration.ofHours(1)).orElseThrow();
            limiter.acquire("k", 3, Duration.ofHours(1));
            limiter.acquire("k", 3, Duration.ofHours(1));

            limiter.release(first);

            assertThat(limiter.used("k", 3)).isEqualTo(2);
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isTrue();
            assertThat(limiter.tryAcquire("k", 3, Duration.ofHours(1))).isFalse();
        }
    }

    @Test
    void neverGrantsMoreThanTheLimitToRacingCallers() throws Exception {
        List<Boolean> granted = SimultaneousStart.run(50, Duration.ofSeconds(10),
                caller -> limiter.tryAcquire("race", 5, Duration.ofMinutes(5)));

        assertThat(granted).filteredOn(Boolean::booleanValue).hasSize(5);
    }

    @Test
    void refusesMeaninglessArguments() {
        assertThatThrownBy(() -> limiter.tryAcquire("", 3, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire("k", 0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class TakingSeveralWindowsAtOnce {

        private final SlidingWindowLimiter.Window user = new SlidingWindowLimiter.Window("user", 2, Duration.ofHours(1));
        private final SlidingWindowLimiter.Window realm = new SlidingWindowLimiter.Window("realm", 3, Duration.ofMinutes(1));

        @Test
        void takesOneUnitOfEachWhenAllHaveRoom() {
            assertThat(limiter.acquireAll(List.of(user, realm))).isEmpty();

            assertThat(limiter.used("user", 2)).isEqualTo(1);
            assertThat(limiter.used("realm", 3)).isEqualTo(1);
        }

        @Test
        void aFullLaterWindowGivesBackTheUnitsOfTheEarlierOnes() {
            for (int i = 0; i < 3; i++) {
                limiter.tryAcquire("realm", 3, Duration.ofMinutes(1));
            }

            assertThat(limiter.acquireAll(List.of(user, realm))).contains(realm);

            assertThat(limiter.used("user", 2)).as("nothing kept from the refused request").isZero();
        }

        @Test
        void aFullEarlierWindowNeverTouchesTheLaterOnes() {
            limiter.acquireAll(List.of(user, realm));
            limiter.acquireAll(List.of(user, realm));

            assertThat(limiter.acquireAll(List.of(user, realm))).contains(user);

            assertThat(limiter.used("realm", 3)).as("the shared window keeps its room for others").isEqualTo(2);
        }

        @Test
        void unitsGivenBackAfterARefusalAreFreeAgainAtOnce() {
            for (int i = 0; i < 3; i++) {
                limiter.tryAcquire("realm", 3, Duration.ofMinutes(1));
            }
            limiter.acquireAll(List.of(user, realm));
            clock.advance(Duration.ofMinutes(1));

            assertThat(limiter.acquireAll(List.of(user, realm))).isEmpty();
            assertThat(limiter.acquireAll(List.of(user, realm))).isEmpty();
            assertThat(limiter.acquireAll(List.of(user, realm))).contains(user);
        }
    }
}
