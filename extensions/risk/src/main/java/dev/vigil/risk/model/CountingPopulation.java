package dev.vigil.risk.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;

/**
 * A {@link Population} counted in memory, for tests, benchmarks and small tools; the server keeps the same
 * counts in its store. Not thread-safe: one owner adds, then scores.
 */
public final class CountingPopulation implements Population {

    private final FeatureCounts counts = new FeatureCounts();
    private final Set<String> users = new HashSet<>();
    private long logins;

    /** The successful sign-ins of each user (denied ones are left out). */
    public static CountingPopulation of(Map<String, List<SignIn>> signInsByUser) {
        CountingPopulation population = new CountingPopulation();
        signInsByUser.forEach((user, signIns) -> signIns.stream()
                .filter(CountingHistory::successful)
                .forEach(signIn -> population.add(user, new Observation(signIn.features()))));
        return population;
    }

    /** Counts one more successful login by this user. */
    public CountingPopulation add(String user, Observation login) {
        users.add(user);
        counts.add(login);
        logins++;
        return this;
    }

    @Override
    public long logins() {
        return logins;
    }

    @Override
    public long users() {
        return users.size();
    }

    @Override
    public long count(Feature feature, String value) {
        return counts.count(feature, value);
    }

    @Override
    public long distinctValues(Feature feature) {
        return counts.distinctValues(feature);
    }
}
