package dev.vigil.risk.flow;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.risk.model.Population;

/** The model's view of the realm-wide counts the history store read for one login. */
record StoredPopulation(PopulationCounts counts) implements Population {

    @Override
    public long logins() {
        return counts.signIns();
    }

    @Override
    public long users() {
        return counts.users();
    }

    @Override
    public long count(Feature feature, String value) {
        return counts.matching().getOrDefault(feature, 0L);
    }

    @Override
    public long distinctValues(Feature feature) {
        return counts.distinctValues().getOrDefault(feature, 0L);
    }
}
