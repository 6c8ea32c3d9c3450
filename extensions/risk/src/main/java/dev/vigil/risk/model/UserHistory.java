package dev.vigil.risk.model;

import dev.vigil.api.history.Feature;

/**
 * The user's prior SUCCESSFUL logins the model learns from, already capped by the caller
 * (e.g. the last 100 within 6 months). Failed or denied attempts never enter it: an attacker's
 * tries must not teach the model that the attacker is normal.
 */
public interface UserHistory {

    /** How many logins the history holds. */
    int logins();

    /** In how many of them the feature had this value. */
    long count(Feature feature, String value);

    /**
     * In how many of them the feature had a value at all. The model uses it to tell a value withheld by this
     * login (the user used to send one) from one the user never sends; by default every login had one, which
     * treats a missing value as withheld.
     */
    default long known(Feature feature) {
        return logins();
    }
}
