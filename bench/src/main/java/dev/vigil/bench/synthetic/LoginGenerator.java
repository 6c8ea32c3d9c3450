package dev.vigil.bench.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Seeded, reproducible login histories: for each user, their successful logins and, right after chosen numbers
 * of prior logins (the checkpoints), a few attempts by each attacker model. The same seed gives the same events;
 * adding users leaves the existing ones unchanged.
 */
public final class LoginGenerator {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final Geography world = Geography.world();
    private final long seed;
    private final Diversity diversity;

    public LoginGenerator(long seed, Diversity diversity) {
        this.seed = seed;
        this.diversity = diversity;
    }

    /**
     * Events of one user, in time order: {@code logins} legitimate logins and, between the checkpoint-th and the
     * next login, {@code attacksPerModel} attempts by each attacker model.
     */
    public List<Event> events(int userIndex, int logins, List<Integer> checkpoints, int attacksPerModel) {
        LegitUser user = new LegitUser("user-" + userIndex, random(2L * userIndex), world, diversity, START);
        Random attackers = random(2L * userIndex + 1);
        List<Event> events = new ArrayList<>();
        Login previous = null;
        for (int prior = 0; prior < logins; prior++) {
            Login login = user.next();
            if (previous != null && checkpoints.contains(prior)) {
                long gap = Duration.between(previous.at(), login.at()).toSeconds();
                for (AttackerModel model : AttackerModel.values()) {
                    for (int i = 0; i < attacksPerModel; i++) {
                        Instant at = previous.at().plusSeconds(1 + (long) (attackers.nextDouble() * (gap - 2)));
                        events.add(new Event(userIndex, prior, model, model.attack(user, at, world, attackers), -1));
                    }
                }
            }
            events.add(new Event(userIndex, prior, null, login, user.lastDevice()));
            previous = login;
        }
        events.sort(Comparator.comparing(event -> event.login().at()));
        return events;
    }

    /**
     * An independent stream per user and role. java.util.Random's first draws are nearly equal for nearby seeds,
     * which would give every user the same home; the SplitMix64 finalizer scatters the seeds first.
     */
    private Random random(long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /**
     * One login attempt in the replay.
     *
     * @param user     the (victim) user's index
     * @param prior    the user's successful logins before it
     * @param attacker the attacker model, or null for the user's own login
     * @param device   the user's device (browser profile) for their own login, -1 for an attack
     */
    public record Event(int user, int prior, AttackerModel attacker, Login login, int device) {

        public boolean legitimate() {
            return attacker == null;
        }
    }
}
