package dev.vigil.privacy.store;

import java.io.Serializable;
import java.util.Objects;

/** Composite key (realm, counter, value) of realm-wide counters. */
public class PopulationCountKey implements Serializable {

    String realmId;
    String counter;
    String valueKey;

    public PopulationCountKey() {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PopulationCountKey key && Objects.equals(realmId, key.realmId)
                && Objects.equals(counter, key.counter) && Objects.equals(valueKey, key.valueKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realmId, counter, valueKey);
    }
}
