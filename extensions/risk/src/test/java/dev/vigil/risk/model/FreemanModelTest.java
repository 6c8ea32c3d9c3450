package dev.vigil.risk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.FeatureHierarchy.Level;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FreemanModelTest {

    private static final double EXACT = 1e-12;

    /** One signal over one feature, no prior: the formula reduces to p(x) / p(x | u). */
    private static final ModelSettings FINGERPRINT_ONLY = new ModelSettings(
            List.of(FeatureHierarchy.single("fingerprint", 1, Feature.FINGERPRINT)), 4, false);

    /** IP then country, 0.6 / 0.4, no prior. */
    private static final ModelSettings IP_COUNTRY = new ModelSettings(List.of(new FeatureHierarchy("network", 1,
            List.of(new Level(Feature.IP, 0.6), new Level(Feature.COUNTRY, 0.4)))), 4, false);

    @Nested
    class OneFeature {

        private final CountingPopulation population = population("a", 4, "b", 6);
        private final CountingHistory history = history(Feature.FINGERPRINT, "a", "a", "a", "a", "a");
        private final FreemanModel model = new FreemanModel(FINGERPRINT_ONLY);

        @Test
        void aValueTheUserAlwaysUsesScoresItsSmoothedPopulationShare() {
            Score score = model.score(login(Feature.FINGERPRINT, "a"), history, population);

            // p(x) = 4 / (10 + 1): one slot for unseen values; p(x | u) = 5 / 5.
            assertThat(score.value()).isCloseTo(4.0 / 11, within(EXACT));
            assertThat(score.contributions()).containsExactly(new Contribution("fingerprint", 4.0 / 11, null));
        }

        @Test
        void aValueNeitherTheUserNorAnyoneUsedScoresTheUnseenDivisor() {
            Score score = model.score(login(Feature.FINGERPRINT, "z"), history, population);

            // p(x) = 1 / 11; p(x | u) backs off to p(x) / 4.
            assertThat(score.value()).isCloseTo(4, within(EXACT));
            assertThat(score.contributions()).containsExactly(new Contribution("fingerprint", 4, "new-fingerprint"));
        }

        @Test
        void aValueOthersUseButNotTheUserScoresTheSameAsAnyUnseenOne() {
            assertThat(model.score(login(Feature.FINGERPRINT, "b"), history, population).value())
                    .isCloseTo(4, within(EXACT));
        }

        @Test
        void aValueTheUserSometimesUsesScoresHigherThanOneTheyAlwaysUse() {
            CountingHistory mixed = history(Feature.FINGERPRINT, "a", "a", "a", "b");

            double always = model.score(login(Feature.FINGERPRINT, "a"), history, population).value();
            double sometimes = model.score(login(Feature.FINGERPRINT, "b"), mixed, population).value();

            // p(b) = 6 / 11, p(b | u) = 1 / 4.
            assertThat(sometimes).isCloseTo(24.0 / 11, within(EXACT)).isGreaterThan(always);
        }

        @Test
        void theSignalWeightIsAnExponentOnItsFactor() {
            FreemanModel half = new FreemanModel(FINGERPRINT_ONLY.withSignalWeight("fingerprint", 0.5));

            assertThat(half.score(login(Feature.FINGERPRINT, "z"), history, population).value())
                    .isCloseTo(2, within(EXACT));
        }

        @Test
        void aSignalOfWeightZeroIsLeftOut() {
            FreemanModel off = new FreemanModel(FINGERPRINT_ONLY.withSignalWeight("fingerprint", 0));

            Score score = off.score(login(Feature.FINGERPRINT, "z"), history, population);

            assertThat(score.value()).isEqualTo(1);
            assertThat(score.contributions()).isEmpty();
        }

        @Test
        void aLargerUnseenDivisorRaisesTheScoreOfUnseenValues() {
            FreemanModel strict = new FreemanModel(FINGERPRINT_ONLY.withUnseenDivisor(10));

            assertThat(strict.score(login(Feature.FINGERPRINT, "z"), history, population).value())
                    .isCloseTo(10, within(EXACT));
        }
    }

    @Nested
    class Hierarchy {

        // 10 logins: IP 1 twice, 3 countries.
        private final CountingPopulation population = new CountingPopulation()
                .add("u", login(Map.of(Feature.IP, "1", Feature.COUNTRY, "FR")))
                .add("u", login(Map.of(Feature.IP, "1", Feature.COUNTRY, "FR")))
                .add("u", login(Map.of(Feature.IP, "2", Feature.COUNTRY, "FR")))
                .add("u", login(Map.of(Feature.IP, "2", Feature.COUNTRY, "FR")))
                .add("v", login(Map.of(Feature.IP, "5", Feature.COUNTRY, "FR")))
                .add("v", login(Map.of(Feature.IP, "5", Feature.COUNTRY, "FR")))
                .add("w", login(Map.of(Feature.IP, "6", Feature.COUNTRY, "DE")))
                .add("w", login(Map.of(Feature.IP, "6", Feature.COUNTRY, "DE")))
                .add("w", login(Map.of(Feature.IP, "7", Feature.COUNTRY, "SE")))
                .add("w", login(Map.of(Feature.IP, "7", Feature.COUNTRY, "SE")));
        private final CountingHistory history = new CountingHistory()
                .add(login(Map.of(Feature.IP, "1", Feature.COUNTRY, "FR")))
                .add(login(Map.of(Feature.IP, "1", Feature.COUNTRY, "FR")))
                .add(login(Map.of(Feature.IP, "2", Feature.COUNTRY, "FR")))
                .add(login(Map.of(Feature.IP, "2", Feature.COUNTRY, "FR")));
        private final FreemanModel model = new FreemanModel(IP_COUNTRY);

        @Test
        void aNewAddressInTheUsualCountryFallsBackOnTheCountryLevel() {
            Score score = model.score(login(Map.of(Feature.IP, "9", Feature.COUNTRY, "FR")), history, population);

            // p(x) = 0.6 * 1 / (10 + 1 + 3 countries) + 0.4 * 6 / 10; p(x | u) = 0.4 * 4 / 4.
            double expected = (0.6 / 14 + 0.4 * 6 / 10) / 0.4;
            assertThat(score.value()).isCloseTo(expected, within(EXACT));
            assertThat(score.contributions().get(0).novelty()).isEqualTo("new-ip");
        }

        @Test
        void theUsualAddressScoresLowerThanANewOneInTheUsualCountryAndThatLowerThanANewCountry() {
            double usual = model.score(login(Map.of(Feature.IP, "1", Feature.COUNTRY, "FR")), history, population)
                    .value();
            double newAddress = model.score(login(Map.of(Feature.IP, "9", Feature.COUNTRY, "FR")), history, population)
                    .value();
            Score newCountry = model.score(login(Map.of(Feature.IP, "6", Feature.COUNTRY, "DE")), history, population);

            // Usual: p(x) = 0.6 * 2 / 14 + 0.4 * 6 / 10, p(x | u) = 0.6 * 2 / 4 + 0.4.
            assertThat(usual).isCloseTo((0.6 * 2 / 14 + 0.24) / 0.7, within(EXACT));
            assertThat(usual).isLessThan(newAddress);
            assertThat(newAddress).isLessThan(newCountry.value());
            assertThat(newCountry.value()).isCloseTo(4, within(EXACT));
            assertThat(newCountry.contributions().get(0).novelty()).isEqualTo("new-country");
        }

        @Test
        void anUnknownCountryLeavesTheAddressAloneWithTheWholeWeight() {
            // Missing GeoIP: only the IP is known; its weight becomes 1 and nothing more general counts as slots.
            Score score = model.score(login(Map.of(Feature.IP, "1")), history, population);

            assertThat(score.value()).isCloseTo((2.0 / 11) / (2.0 / 4), within(EXACT));
            assertThat(score.contributions().get(0).novelty()).isNull();
        }

        @Test
        void anUnknownAddressLeavesTheCountryAsTheMostSpecificLevelSmoothedInItsTurn() {
            Score score = model.score(login(Map.of(Feature.COUNTRY, "FR")), history, population);

            assertThat(score.value()).isCloseTo((6.0 / 11) / 1, within(EXACT));
        }

        @Test
        void aSignalTheUserUsedToSendButThisLoginLacksCountsAsNeverSeen() {
            // Withheld: an attacker must not gain by leaving a value out.
            Score score = model.score(login(Map.of(Feature.FINGERPRINT, "f")), history, population);

            assertThat(score.value()).isEqualTo(4);
            assertThat(score.contributions()).containsExactly(new Contribution("network", 4, "missing-ip"));
        }

        @Test
        void aSignalTheUserNeverHadCountsItsAbsentFactorOrNothing() {
            CountingHistory noNetwork = new CountingHistory().add(login(Map.of(Feature.FINGERPRINT, "f")));
            Observation withoutNetwork = login(Map.of(Feature.FINGERPRINT, "f"));
            ModelSettings calibrated = new ModelSettings(List.of(new FeatureHierarchy("network", 0.5,
                    IP_COUNTRY.hierarchies().get(0).levels(), 0.01)), 4, false);

            Score neutral = model.score(withoutNetwork, noNetwork, population);
            Score typical = new FreemanModel(calibrated).score(withoutNetwork, noNetwork, population);

            assertThat(neutral.value()).isEqualTo(1);
            assertThat(neutral.contributions()).isEmpty();
            // The absent factor, to the signal's weight.
            assertThat(typical.value()).isCloseTo(0.1, within(EXACT));
            assertThat(typical.contributions()).containsExactly(new Contribution("network", 0.1));
        }

        @Test
        void aLevelOfWeightZeroIsLeftOut() {
            FreemanModel ipOnly = new FreemanModel(IP_COUNTRY.withLevelWeight(Feature.COUNTRY, 0));

            Score score = ipOnly.score(login(Map.of(Feature.IP, "9", Feature.COUNTRY, "FR")), history, population);

            assertThat(score.value()).isCloseTo(4, within(EXACT));
            assertThat(score.contributions().get(0).novelty()).isEqualTo("new-ip");
        }

        @Test
        void ipv6AddressesAndTheirNetworksAreComparedLikeAnyValue() {
            ModelSettings settings = new ModelSettings(List.of(new FeatureHierarchy("network", 1, List.of(
                    new Level(Feature.IP, 0.6), new Level(Feature.NETWORK, 0.4)))), 4, false);
            CountingHistory v6 = new CountingHistory()
                    .add(login(Map.of(Feature.IP, "2001:db8:1::10", Feature.NETWORK, "2001:db8:1::/48")))
                    .add(login(Map.of(Feature.IP, "2001:db8:1::11", Feature.NETWORK, "2001:db8:1::/48")));
            CountingPopulation everyone = new CountingPopulation()
                    .add("u", login(Map.of(Feature.IP, "2001:db8:1::10", Feature.NETWORK, "2001:db8:1::/48")))
                    .add("u", login(Map.of(Feature.IP, "2001:db8:1::11", Feature.NETWORK, "2001:db8:1::/48")))
                    .add("v", login(Map.of(Feature.IP, "2001:db8:2::1", Feature.NETWORK, "2001:db8:2::/48")));

            Score sameNetwork = new FreemanModel(settings).score(
                    login(Map.of(Feature.IP, "2001:db8:1::99", Feature.NETWORK, "2001:db8:1::/48")), v6, everyone);
            Score otherNetwork = new FreemanModel(settings).score(
                    login(Map.of(Feature.IP, "2001:db8:2::1", Feature.NETWORK, "2001:db8:2::/48")), v6, everyone);

            // p(x) = 0.6 * 1 / (3 + 1 + 2 networks) + 0.4 * 2 / 3; p(x | u) = 0.4.
            assertThat(sameNetwork.value()).isCloseTo((0.6 / 6 + 0.4 * 2 / 3) / 0.4, within(EXACT));
            assertThat(sameNetwork.contributions().get(0).novelty()).isEqualTo("new-ip");
            assertThat(otherNetwork.value()).isCloseTo(4, within(EXACT));
            assertThat(otherNetwork.contributions().get(0).novelty()).isEqualTo("new-network");
        }
    }

    @Nested
    class UserPrior {

        @Test
        void multipliesByTheAverageLoginsPerUserOverTheUsersLogins() {
            ModelSettings priorOnly = new ModelSettings(List.of(), 4, true);
            CountingPopulation population = population("a", 6, "b", 6); // 12 logins, 2 users
            CountingHistory fourLogins = history(Feature.FINGERPRINT, "a", "a", "a", "a");

            Score score = new FreemanModel(priorOnly).score(login(Feature.FINGERPRINT, "a"), fourLogins, population);

            // (1 / 2) / (4 / 12)
            assertThat(score.value()).isCloseTo(1.5, within(EXACT));
            assertThat(score.contributions()).containsExactly(new Contribution("user", 1.5));
        }
    }

    @Nested
    class EdgeCases {

        private final FreemanModel model = new FreemanModel(ModelSettings.defaults());
        private final Observation login = login(Map.of(Feature.IP, "192.0.2.1", Feature.NETWORK, "192.0.2.0/24",
                Feature.COUNTRY, "FR", Feature.USER_AGENT, "ua", Feature.BROWSER, "Firefox 140"));

        @Test
        void anEmptyHistoryScoresTheUnseenDivisorPerSignalTimesThePriorAndTheAbsentFingerprint() {
            CountingPopulation population = new CountingPopulation()
                    .add("other", login(Map.of(Feature.IP, "198.51.100.1", Feature.COUNTRY, "DE")))
                    .add("other", login(Map.of(Feature.IP, "198.51.100.1", Feature.COUNTRY, "DE")));

            Score score = model.score(login, new CountingHistory(), population);

            // network and device are new (4 each); no fingerprint ever (0.005); prior (1 / 1) / (1 / 2), n_u as 1.
            assertThat(score.value()).isCloseTo(4 * 4 * 0.005 * 2, within(EXACT));
            assertThat(score.contributions()).extracting(Contribution::signal)
                    .containsExactly("network", "device", "fingerprint", "user");
            assertThat(score.contributions()).extracting(Contribution::novelty)
                    .containsExactly("new-country", "new-browser", null, null);
        }

        @Test
        void theFirstLoginOfARealmScoresFinitely() {
            Score score = model.score(login, new CountingHistory(), new CountingPopulation());

            assertThat(score.value()).isCloseTo(16 * 0.005, within(EXACT));
        }

        @Test
        void aSingleLoginHistoryRecognisesItsValues() {
            CountingHistory one = new CountingHistory().add(login);
            CountingPopulation population = new CountingPopulation().add("u", login).add("v",
                    login(Map.of(Feature.IP, "198.51.100.1", Feature.NETWORK, "198.51.100.0/24", Feature.COUNTRY, "DE",
                            Feature.USER_AGENT, "other", Feature.BROWSER, "Chrome 150")));

            Score same = model.score(login, one, population);

            assertThat(same.value()).isLessThan(1);
            assertThat(same.contributions()).extracting(Contribution::novelty).containsOnlyNulls();
        }

        @Test
        void theScoreIsTheProductOfItsContributions() {
            CountingPopulation population = population("a", 3, "b", 5);
            Score score = model.score(login, history(Feature.COUNTRY, "FR", "FR", "DE"), population);

            double product = score.contributions().stream().mapToDouble(Contribution::factor).reduce(1, (a, b) -> a * b);
            assertThat(score.value()).isCloseTo(product, within(1e-9));
        }

        @Test
        void deniedSignInsAreNotLearntFrom() {
            SignIn allowed = signIn(SignIn.Outcome.ALLOWED);
            SignIn steppedUp = signIn(SignIn.Outcome.STEPPED_UP);
            SignIn denied = signIn(SignIn.Outcome.DENIED);

            CountingHistory history = CountingHistory.of(List.of(allowed, steppedUp, denied));
            CountingPopulation population = CountingPopulation.of(Map.of("u", List.of(allowed, denied)));

            assertThat(history.logins()).isEqualTo(2);
            assertThat(history.count(Feature.COUNTRY, "FR")).isEqualTo(2);
            assertThat(population.logins()).isEqualTo(1);
            assertThat(population.users()).isEqualTo(1);
            assertThat(population.distinctValues(Feature.COUNTRY)).isEqualTo(1);
        }
    }

    private static SignIn signIn(SignIn.Outcome outcome) {
        return new SignIn(null, Instant.parse("2026-01-01T10:00:00Z"), Map.of(Feature.COUNTRY, "FR"), null,
                "Firefox on Linux", null, null, List.of(), outcome);
    }

    /** Logins by two users: the first value n times by "u", the second m times by "v". */
    private static CountingPopulation population(String first, int n, String second, int m) {
        CountingPopulation population = new CountingPopulation();
        for (int i = 0; i < n; i++) {
            population.add("u", login(Feature.FINGERPRINT, first));
        }
        for (int i = 0; i < m; i++) {
            population.add("v", login(Feature.FINGERPRINT, second));
        }
        return population;
    }

    private static CountingHistory history(Feature feature, String... values) {
        CountingHistory history = new CountingHistory();
        for (String value : values) {
            history.add(login(feature, value));
        }
        return history;
    }

    private static Observation login(Feature feature, String value) {
        return login(Map.of(feature, value));
    }

    private static Observation login(Map<Feature, String> values) {
        return new Observation(new EnumMap<>(values));
    }
}
