package dev.vigil.risk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import org.junit.jupiter.api.Test;

class UsualHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anEmptyHistoryIsNeutral() {
        assertThat(UsualHours.learn(List.of()).factor(Instant.parse("2026-01-01T03:00:00Z"))).isEqualTo(1);
    }

    @Test
    void theHourTheUserAlwaysSignsInAtLowersRiskByTheKernelsPeak() {
        UsualHours hours = UsualHours.learn(daily("09:00", null, 10));

        double factor = hours.factor(Instant.parse("2026-02-01T09:00:00Z"));

        // r = e^4 / I0(4), shrunk: (10 + 2) / (10 r + 2).
        double r = Math.exp(4) / 11.301921952136330;
        assertThat(factor).isCloseTo(12 / (10 * r + 2), within(1e-9)).isLessThan(0.25);
    }

    @Test
    void theOppositeHourRaisesRiskUpToThePrior() {
        UsualHours hours = UsualHours.learn(daily("09:00", null, 10));

        double factor = hours.factor(Instant.parse("2026-02-01T21:00:00Z"));

        assertThat(factor).isGreaterThan(5).isLessThanOrEqualTo(12 / 2.0);
        assertThat(hours.factor(Instant.parse("2026-02-01T11:00:00Z"))).isBetween(0.25, factor);
    }

    @Test
    void midnightWrapsAround() {
        List<SignIn> aroundMidnight = new ArrayList<>(daily("23:30", null, 5));
        aroundMidnight.addAll(daily("00:30", null, 5));
        List<SignIn> aroundNoon = new ArrayList<>(daily("11:30", null, 5));
        aroundNoon.addAll(daily("12:30", null, 5));

        double atMidnight = UsualHours.learn(aroundMidnight).factor(Instant.parse("2026-02-01T00:00:00Z"));
        double atNoon = UsualHours.learn(aroundNoon).factor(Instant.parse("2026-02-01T12:00:00Z"));

        assertThat(atMidnight).isLessThan(0.5).isCloseTo(atNoon, within(1e-9));
        assertThat(UsualHours.learn(aroundMidnight).factor(Instant.parse("2026-02-01T12:00:00Z"))).isGreaterThan(5);
    }

    @Test
    void hoursAreReadInTheUsualTimeZoneSoSummerTimeChangesNothing() {
        // 08:00 in Paris every winter day: 07:00 UTC.
        UsualHours hours = UsualHours.learn(daily("07:00", "Europe/Paris", 10));

        double winter = hours.factor(Instant.parse("2026-02-20T07:00:00Z"));
        double summerSameLocalHour = hours.factor(Instant.parse("2026-07-20T06:00:00Z"));
        double summerSameUtcHour = hours.factor(Instant.parse("2026-07-20T07:00:00Z"));

        assertThat(hours.zone()).isEqualTo(PARIS);
        assertThat(summerSameLocalHour).isCloseTo(winter, within(1e-9));
        assertThat(summerSameUtcHour).isGreaterThan(winter);
    }

    @Test
    void theMostFrequentValidTimeZoneWinsAndUtcWhenThereIsNone() {
        List<SignIn> history = new ArrayList<>(daily("07:00", "Europe/Paris", 3));
        history.addAll(daily("07:00", "America/New_York", 2));
        history.addAll(daily("07:00", "Not/AZone", 5));

        assertThat(UsualHours.learn(history).zone()).isEqualTo(PARIS);
        assertThat(UsualHours.learn(daily("07:00", null, 3)).zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void deniedSignInsAreNotLearntFrom() {
        List<SignIn> denied = daily("03:00", null, 10).stream().map(UsualHoursTest::denied).toList();

        assertThat(UsualHours.learn(denied).factor(Instant.parse("2026-02-01T03:00:00Z"))).isEqualTo(1);
    }

    @Test
    void besselI0MatchesKnownValues() {
        assertThat(UsualHours.besselI0(0)).isEqualTo(1);
        assertThat(UsualHours.besselI0(1)).isCloseTo(1.266065877752008, within(1e-12));
        assertThat(UsualHours.besselI0(4)).isCloseTo(11.301921952136330, within(1e-9));
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> UsualHours.learn(List.of(), 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concentration");
        assertThatThrownBy(() -> UsualHours.learn(List.of(), 4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prior logins");
    }

    /** A sign-in every day of January 2026 at this UTC time, n days. */
    private static List<SignIn> daily(String utcTime, String zone, int days) {
        List<SignIn> signIns = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            Instant at = Instant.parse(String.format("2026-01-%02dT%s:00Z", day, utcTime));
            Map<Feature, String> features = zone == null ? Map.of() : Map.of(Feature.TIME_ZONE, zone);
            signIns.add(new SignIn(null, at, features, null, "Firefox on Linux", null, null, List.of(),
                    SignIn.Outcome.ALLOWED));
        }
        return signIns;
    }

    private static SignIn denied(SignIn signIn) {
        return new SignIn(null, signIn.at(), signIn.features(), null, signIn.deviceLabel(), null, null, List.of(),
                SignIn.Outcome.DENIED);
    }
}
