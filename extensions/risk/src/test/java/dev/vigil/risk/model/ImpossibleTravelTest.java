package dev.vigil.risk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import dev.vigil.api.history.Place;
import org.junit.jupiter.api.Test;

class ImpossibleTravelTest {

    private static final Place LONDON = new Place(51.5074, -0.1278, null, "London, GB");
    private static final Place PARIS = new Place(48.8566, 2.3522, null, "Paris, FR");
    private static final Place NEW_YORK = new Place(40.7128, -74.0060, null, "New York, US");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ImpossibleTravel travel = new ImpossibleTravel(ImpossibleTravel.DEFAULT_MAX_SPEED_KMH);

    @Test
    void greatCircleDistancesOfKnownCityPairs() {
        assertThat(ImpossibleTravel.distanceKm(51.5074, -0.1278, 48.8566, 2.3522)).isCloseTo(344, within(2.0));
        assertThat(ImpossibleTravel.distanceKm(51.5074, -0.1278, 40.7128, -74.0060)).isCloseTo(5570, within(15.0));
        assertThat(ImpossibleTravel.distanceKm(10, 20, 10, 20)).isZero();
        // Half the equator.
        assertThat(ImpossibleTravel.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * 6371.0088, within(1e-6));
    }

    @Test
    void londonToParisInAnHourIsATrainRideInTwentyMinutesItIsNot() {
        ImpossibleTravel.Verdict train = travel.check(LONDON, T0, PARIS, T0.plus(Duration.ofHours(1)));
        ImpossibleTravel.Verdict teleport = travel.check(LONDON, T0, PARIS, T0.plus(Duration.ofMinutes(20)));

        assertThat(train.impossible()).isFalse();
        assertThat(train.speedKmh()).isCloseTo(344, within(2.0));
        assertThat(teleport.impossible()).isTrue();
        assertThat(teleport.speedKmh()).isCloseTo(3 * 344, within(6.0));
    }

    @Test
    void londonToNewYorkTakesAFlight() {
        assertThat(travel.check(LONDON, T0, NEW_YORK, T0.plus(Duration.ofHours(2))).impossible()).isTrue();
        assertThat(travel.check(LONDON, T0, NEW_YORK, T0.plus(Duration.ofHours(8))).impossible()).isFalse();
    }

    @Test
    void theSpeedLimitIsConfigurable() {
        ImpossibleTravel strict = new ImpossibleTravel(300);

        assertThat(strict.check(LONDON, T0, PARIS, T0.plus(Duration.ofHours(1))).impossible()).isTrue();
    }

    @Test
    void distancesWithinBothAccuracyRadiiAreIgnoredEvenAtOnce() {
        Place here = new Place(48.8566, 2.3522, 20, "Paris, FR");
        Place fiftyKmNorth = new Place(48.8566 + 50 / 111.2, 2.3522, 40, "north of Paris, FR");

        ImpossibleTravel.Verdict verdict = travel.check(here, T0, fiftyKmNorth, T0);

        assertThat(verdict.impossible()).isFalse();
        assertThat(verdict.distanceKm()).isCloseTo(50, within(0.5));
        assertThat(verdict.speedKmh()).isZero();
    }

    @Test
    void onlyTheDistanceBeyondTheRadiiCounts() {
        Place london = new Place(51.5074, -0.1278, 100, "London, GB");
        Place paris = new Place(48.8566, 2.3522, 100, "Paris, FR");

        ImpossibleTravel.Verdict verdict = travel.check(london, T0, paris, T0.plus(Duration.ofMinutes(10)));

        // (344 - 200) km in 1/6 h.
        assertThat(verdict.speedKmh()).isCloseTo(6 * (343.56 - 200), within(1.0));
        assertThat(verdict.impossible()).isFalse();
    }

    @Test
    void noTimeBetweenTwoDistantPlacesIsInfinitelyFast() {
        ImpossibleTravel.Verdict verdict = travel.check(LONDON, T0, PARIS, T0);

        assertThat(verdict.impossible()).isTrue();
        assertThat(verdict.speedKmh()).isInfinite();
    }

    @Test
    void theOrderOfTheTwoInstantsDoesNotMatter() {
        assertThat(travel.check(LONDON, T0, PARIS, T0.minus(Duration.ofMinutes(20))).impossible()).isTrue();
    }

    @Test
    void anUnknownPlaceIsNeverFlagged() {
        Place countryOnly = new Place(null, null, null, "GB");

        assertThat(travel.check(null, T0, PARIS, T0).impossible()).isFalse();
        assertThat(travel.check(countryOnly, T0, PARIS, T0).impossible()).isFalse();
        assertThat(travel.check(LONDON, T0, countryOnly, T0).speedKmh()).isNaN();
        assertThat(travel.check(LONDON, null, PARIS, T0).impossible()).isFalse();
    }

    @Test
    void aSpeedLimitMustBePositive() {
        assertThatThrownBy(() -> new ImpossibleTravel(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("km/h > 0");
    }
}
