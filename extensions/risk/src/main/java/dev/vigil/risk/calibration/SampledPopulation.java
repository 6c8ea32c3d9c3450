package dev.vigil.risk.calibration;

import java.util.EnumMap;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.risk.model.Population;

/**
 * The realm's counts for the values of a calibration's sample only: the calibration scores nothing else (a
 * simulated attacker's new network or address was never seen, and counts zero), so memory follows the sample, not
 * the realm.
 */
record SampledPopulation(PopulationCounts totals, Map<Feature, Map<String, Long>> counts) implements Population {

    SampledPopulation {
        counts = new EnumMap<>(counts);
    }

    @Override
    public long logins() {
        return totals.signIns();
    }

    @Override
    public long users() {
        return totals.users();
    }

    @Override
    public long count(Feature feature, String value) {
        return counts.getOrDefault(feature, Map.of()).getOrDefault(value, 0L);
    }

    @Override
    public long distinctValues(Feature feature) {
        return totals.distinctValues().getOrDefault(feature, 0L);
    }
}
