package dev.vigil.otp.code;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Issued codes in Keycloak's single-use object store (replicated through the cluster), which drops each
 * entry when its lifetime ends. Consuming is the store's atomic {@code remove}: of two racing requests
 * with the right code, only one gets the entry back, so a code works once.
 */
public final class ChallengeStore {

    private static final String PREFIX = "vigil-otp:code:";

    private final SingleUseObjectProvider store;
    private final Clock clock;

    public ChallengeStore(SingleUseObjectProvider store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void save(Challenge challenge) {
        long lifespan = Math.max(1, Duration.between(clock.instant(), challenge.expiresAt()).toSeconds());
        store.put(PREFIX + challenge.id(), lifespan, challenge.toNotes());
    }

    /** The challenge while it is live: the store's own expiry may lag, the clock decides. */
    public Optional<Challenge> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Map<String, String> notes = store.get(PREFIX + id);
        if (notes == null) {
            return Optional.empty();
        }
        Challenge challenge = Challenge.fromNotes(id, notes);
        return clock.instant().isBefore(challenge.expiresAt()) ? Optional.of(challenge) : Optional.empty();
    }

    /** Removes the challenge; true only for the one caller that removed it. */
    public boolean consume(String id) {
        return store.remove(PREFIX + id) != null;
    }

    public void discard(String id) {
        if (id != null) {
            store.remove(PREFIX + id);
        }
    }
}
