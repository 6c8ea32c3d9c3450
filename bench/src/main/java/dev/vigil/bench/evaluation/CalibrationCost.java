package dev.vigil.bench.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.bench.synthetic.Diversity;
import dev.vigil.bench.synthetic.LoginGenerator;
import dev.vigil.bench.synthetic.LoginGenerator.Event;
import dev.vigil.risk.calibration.RealmSample;
import dev.vigil.risk.calibration.StoreReads;
import dev.vigil.risk.model.CountingPopulation;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.calibration.Calibration;
import dev.vigil.risk.model.calibration.CalibrationInput;
import dev.vigil.risk.model.calibration.CalibrationSettings;
import dev.vigil.risk.model.calibration.CalibrationTarget;
import dev.vigil.risk.model.calibration.ThresholdCalibration;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The cost of one scheduled recomputation of a realm's thresholds (issue 13, point 5): a synthetic realm of
 * {@code --users} users (100,000) with {@code --logins} logins each (40), whose histories are generated on demand as a
 * database would return them, is read by the server's own {@link RealmSample} (paged, at most the sample cap of users)
 * and calibrated by {@link ThresholdCalibration} at the server's defaults. Prints the time to read and to calibrate,
 * the heap the sample holds (after a full GC) and the bytes the calibration allocates.
 *
 * <pre>bench/run calibration-cost [--users 100000] [--logins 40] [--seed 4] [--max-users 2000]</pre>
 */
public final class CalibrationCost {

    private CalibrationCost() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int users = Integer.parseInt(options.getOrDefault("--users", "100000"));
        int logins = Integer.parseInt(options.getOrDefault("--logins", "40"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "4"));
        CalibrationSettings defaults = CalibrationSettings.defaults();
        CalibrationSettings settings = new CalibrationSettings(defaults.minUsers(), defaults.minLogins(),
                defaults.heldOutLogins(), defaults.attacksPerUser(),
                Integer.parseInt(options.getOrDefault("--max-users", String.valueOf(defaults.maxUsers()))),
                defaults.historyCap());
        LoginGenerator generator = new LoginGenerator(seed, Diversity.RICH);

        long started = System.nanoTime();
        SyntheticRealm realm = new SyntheticRealm(generator, users, logins);
        System.out.printf(Locale.ROOT, "realm: %,d users, %,d logins each, generated and counted in %.1f s%n", users,
                logins, seconds(System.nanoTime() - started));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        started = System.nanoTime();
        CalibrationInput input = new RealmSample(realm.reads(), settings).read();
        long read = System.nanoTime() - started;
        long allocatedByRead = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.gc();
        long sampleHeap = memory.getHeapMemoryUsage().getUsed() - heapBefore;

        allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        started = System.nanoTime();
        Calibration result = new ThresholdCalibration(new FreemanModel(ModelSettings.defaults()), PolicySettings.defaults(),
                settings).calibrate(input, new CalibrationTarget.CatchTargetedAttacks(0.99));
        long calibrated = System.nanoTime() - started;
        long allocatedByCalibration = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        System.out.printf(Locale.ROOT, "sample: %,d users of %,d (cap %,d), %,d sign-ins read in %.2f s"
                        + " (history generated on demand, no database), %.0f MB allocated, %.0f MB held after GC%n",
                input.histories().size(), users, settings.maxUsers(),
                input.histories().stream().mapToInt(List::size).sum(), seconds(read), mb(allocatedByRead), mb(sampleHeap));
        System.out.printf(Locale.ROOT, "calibration: %.2f s, %.0f MB allocated; %,d users scored, %,d legitimate"
                        + " logins, %,d attacks; MEDIUM from %.3g, catches %.1f%%, steps up %.1f%%%s%n",
                seconds(calibrated), mb(allocatedByCalibration), result.users(), result.legitimateLogins(),
                result.attacks(), result.mediumThreshold(), 100 * result.attacksCaught(),
                100 * result.legitimateSteppedUp(), result.calibrated() ? "" : " (fixed: " + result.fallback() + ")");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /**
     * A realm as the history store would serve it: counts over every user's logins, kept as a database would, and
     * each user's history generated again when read, so that only the reader's sample is in the measured heap.
     */
    private static final class SyntheticRealm implements SignInHistoryProvider {

        private final LoginGenerator generator;
        private final int users;
        private final int logins;
        private final CountingPopulation population = new CountingPopulation();
        private final Map<Feature, Long> distinct = new EnumMap<>(Feature.class);

        SyntheticRealm(LoginGenerator generator, int users, int logins) {
            this.generator = generator;
            this.users = users;
            this.logins = logins;
            for (int user = 0; user < users; user++) {
                for (Event event : generator.events(user, logins, List.of(), 0)) {
                    population.add(event.login().userId(), event.login().observation());
                }
            }
            for (Feature feature : Feature.values()) {
                distinct.put(feature, population.distinctValues(feature));
            }
        }

        StoreReads reads() {
            return new StoreReads() {
                @Override
                public <T> T read(BiFunction<SignInHistoryProvider, RealmModel, T> reading) {
                    return reading.apply(SyntheticRealm.this, null);
                }
            };
        }

        private static String id(int user) {
            return String.format(Locale.ROOT, "user-%07d", user);
        }

        @Override
        public List<String> usersWithHistory(RealmModel realm, String afterUserId, int limit) {
            int from = afterUserId == null ? 0 : Integer.parseInt(afterUserId.substring("user-".length())) + 1;
            List<String> ids = new ArrayList<>();
            for (int user = from; user < Math.min(users, from + limit); user++) {
                ids.add(id(user));
            }
            return ids;
        }

        @Override
        public List<SignIn> recent(RealmModel realm, String userId, int limit) {
            int user = Integer.parseInt(userId.substring("user-".length()));
            List<SignIn> newestFirst = new ArrayList<>(generator.events(user, logins, List.of(), 0).stream()
                    .map(event -> event.login().signIn()).toList());
            Collections.reverse(newestFirst);
            return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
        }

        @Override
        public PopulationCounts populationTotals(RealmModel realm) {
            return new PopulationCounts(population.logins(), population.users(), distinct, Map.of());
        }

        @Override
        public Map<String, Long> populationCounts(RealmModel realm, Feature feature, Collection<String> storedValues) {
            Map<String, Long> counts = new HashMap<>();
            storedValues.forEach(value -> counts.put(value, population.count(feature, value)));
            return counts;
        }

        @Override
        public boolean collects(RealmModel realm, Feature feature) {
            return true;
        }

        @Override
        public boolean processingRestricted(RealmModel realm, UserModel user) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public Optional<SignIn> record(RealmModel realm, UserModel user, SignIn observed) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public List<SignIn> recent(RealmModel realm, UserModel user, int limit) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public PopulationCounts population(RealmModel realm, Map<Feature, String> storedValues) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public Optional<String> deviceOf(RealmModel realm, UserModel user, String signInId) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public boolean knowsDevice(RealmModel realm, UserModel user, String deviceId) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public Duration rememberedDeviceLifetime(RealmModel realm) {
            throw new UnsupportedOperationException("not a calibration read");
        }

        @Override
        public String stored(RealmModel realm, Feature feature, String rawValue) {
            return rawValue;
        }
    }
}
