package dev.vigil.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import dev.vigil.api.history.Feature;
import org.junit.jupiter.api.Test;

class PopulationTallyTest {

    @Test
    void countsSignInsUsersValuesAndDistinctValuesAsTheStoreKeepsThem() {
        PopulationTally tally = new PopulationTally();
        tally.user("alice", 2);
        tally.signIn(Map.of(Feature.COUNTRY, "SE", Feature.IP, "hash-a"));
        tally.signIn(Map.of(Feature.COUNTRY, "SE", Feature.IP, "hash-b"));
        tally.user("bob", 1);
        tally.signIn(Map.of(Feature.COUNTRY, "FR"));

        Map<String, Long> counters = new HashMap<>();
        tally.forEachCounter((counter, value, count) -> counters.put(counter + "|" + value, count));

        assertThat(counters).containsExactlyInAnyOrderEntriesOf(Map.of(
                "#sign-ins|-", 3L,
                "#users|-", 2L,
                "#user|alice", 2L,
                "#user|bob", 1L,
                "COUNTRY|SE", 2L,
                "COUNTRY|FR", 1L,
                "#distinct:COUNTRY|-", 2L,
                "IP|hash-a", 1L,
                "IP|hash-b", 1L,
                "#distinct:IP|-", 2L));
    }

    @Test
    void addingAnotherTallyGivesTheCountersOfBothTogether() {
        PopulationTally first = new PopulationTally();
        first.user("alice", 1);
        first.signIn(Map.of(Feature.COUNTRY, "SE"));
        PopulationTally second = new PopulationTally();
        second.user("bob", 2);
        second.signIn(Map.of(Feature.COUNTRY, "SE"));
        second.signIn(Map.of(Feature.COUNTRY, "DE"));

        first.add(second);

        Map<String, Long> counters = new HashMap<>();
        first.forEachCounter((counter, value, count) -> counters.put(counter + "|" + value, count));
        assertThat(counters).containsExactlyInAnyOrderEntriesOf(Map.of(
                "#sign-ins|-", 3L,
                "#users|-", 2L,
                "#user|alice", 1L,
                "#user|bob", 2L,
                "COUNTRY|SE", 2L,
                "COUNTRY|DE", 1L,
                "#distinct:COUNTRY|-", 2L));
    }
}
