package dev.vigil.api.history;

import java.util.Map;

/**
 * Realm-wide counts over recorded sign-ins, for the values of one login: what the risk model needs to know how
 * common a value is, read in constant time whatever the number of users or sign-ins.
 *
 * @param signIns        sign-ins recorded in the realm
 * @param users          users with at least one recorded sign-in
 * @param distinctValues per feature, how many different values were seen
 * @param matching       per feature of the login, how many recorded sign-ins had the same value
 */
public record PopulationCounts(long signIns, long users, Map<Feature, Long> distinctValues, Map<Feature, Long> matching) {

    public PopulationCounts {
        distinctValues = Map.copyOf(distinctValues);
        matching = Map.copyOf(matching);
    }
}
