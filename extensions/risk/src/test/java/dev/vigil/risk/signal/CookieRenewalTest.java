package dev.vigil.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CookieRenewalTest {

    private static final Instant ISSUED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    @Test
    void aCookieIssuedLessThanAThirtiethOfItsLifetimeAgoIsNotRenewed() {
        assertThat(CookieRenewal.due(ISSUED, ISSUED, THIRTY_DAYS)).isFalse();
        assertThat(CookieRenewal.due(ISSUED, ISSUED.plus(Duration.ofHours(23)), THIRTY_DAYS)).isFalse();
    }

    @Test
    void aCookieIssuedAThirtiethOfItsLifetimeAgoOrMoreIsRenewed() {
        assertThat(CookieRenewal.due(ISSUED, ISSUED.plus(Duration.ofDays(1)), THIRTY_DAYS)).isTrue();
        assertThat(CookieRenewal.due(ISSUED, ISSUED.plus(Duration.ofDays(29)), THIRTY_DAYS)).isTrue();
    }

    @Test
    void theIntervalFollowsTheRealmsPeriod() {
        Duration oneDay = Duration.ofDays(1);
        assertThat(CookieRenewal.due(ISSUED, ISSUED.plus(Duration.ofMinutes(47)), oneDay)).isFalse();
        assertThat(CookieRenewal.due(ISSUED, ISSUED.plus(Duration.ofMinutes(48)), oneDay)).isTrue();
    }

    @Test
    void aCookieIssuedInTheFutureIsRenewed() {
        assertThat(CookieRenewal.due(ISSUED.plusSeconds(60), ISSUED, THIRTY_DAYS)).isTrue();
    }
}
