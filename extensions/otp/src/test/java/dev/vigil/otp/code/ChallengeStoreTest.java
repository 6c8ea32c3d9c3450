package dev.vigil.otp.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import dev.vigil.api.testing.InMemorySingleUseObjects;
import dev.vigil.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ChallengeStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemorySingleUseObjects objects = new InMemorySingleUseObjects(clock);
    private final ChallengeStore store = new ChallengeStore(objects, clock);

    private Challenge challenge(Duration lifetime) {
        return new Challenge("c1", "user", "root.tab", "outbox", "+33698765400",
                CodeHash.of("123456", new SecureRandom()), clock.instant().plus(lifetime));
    }

    @Test
    void keepsTheHashNeverTheCode() {
        store.save(challenge(Duration.ofMinutes(5)));

        assertThat(objects.get("vigil-otp:code:c1").values()).noneMatch(value -> value.contains("123456"));
        assertThat(store.find("c1").orElseThrow().hash().matches("123456")).isTrue();
    }

    @Test
    void anExpiredCodeIsNotFound() {
        store.save(challenge(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5));

        assertThat(store.find("c1")).isEmpty();
    }

    @Test
    void onlyOneConsumerGetsTheCode() {
        store.save(challenge(Duration.ofMinutes(5)));

        assertThat(store.consume("c1")).isTrue();
        assertThat(store.consume("c1")).isFalse();
        assertThat(store.find("c1")).isEmpty();
    }

    @Test
    void isBoundToItsUserAndSession() {
        Challenge challenge = challenge(Duration.ofMinutes(5));

        assertThat(challenge.isBoundTo("user", "root.tab")).isTrue();
        assertThat(challenge.isBoundTo("user", "root.other-tab")).isFalse();
        assertThat(challenge.isBoundTo("someone-else", "root.tab")).isFalse();
    }
}
