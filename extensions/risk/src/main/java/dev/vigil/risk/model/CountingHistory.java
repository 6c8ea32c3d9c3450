package dev.vigil.risk.model;

import java.util.List;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;

/** A {@link UserHistory} counted in memory, for one scoring: built from the sign-ins the store returned. */
public final class CountingHistory implements UserHistory {

    private final FeatureCounts counts = new FeatureCounts();
    private int logins;

    /** The successful sign-ins among these (denied ones are left out), as given: the caller caps them. */
    public static CountingHistory of(List<SignIn> signIns) {
        CountingHistory history = new CountingHistory();
        for (SignIn signIn : signIns) {
            if (successful(signIn)) {
                history.counts.add(signIn.features());
                history.logins++;
            }
        }
        return history;
    }

    /** Counts these logins, all taken as successful. */
    public static CountingHistory ofObservations(List<Observation> logins) {
        CountingHistory history = new CountingHistory();
        logins.forEach(history::add);
        return history;
    }

    /** Counts one more successful login. */
    public CountingHistory add(Observation login) {
        counts.add(login);
        logins++;
        return this;
    }

    @Override
    public int logins() {
        return logins;
    }

    @Override
    public long count(Feature feature, String value) {
        return counts.count(feature, value);
    }

    @Override
    public long known(Feature feature) {
        return counts.known(feature);
    }

    /** A sign-in the model may learn from: it was let in, with or without a step-up. */
    public static boolean successful(SignIn signIn) {
        return signIn.outcome() != SignIn.Outcome.DENIED;
    }
}
