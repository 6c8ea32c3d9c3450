package dev.vigil.risk.model;

import dev.vigil.api.history.Feature;

/**
 * Realm-wide counts over successful logins, kept incrementally by the store so that the cost of a score
 * grows with neither the number of users nor the number of logins.
 */
public interface Population {

    /** Successful logins counted. */
    long logins();

    /** Users with at least one counted login. */
    long users();

    /** Counted logins in which the feature had this value. */
    long count(Feature feature, String value);

    /** How many different values of the feature were counted. */
    long distinctValues(Feature feature);
}
