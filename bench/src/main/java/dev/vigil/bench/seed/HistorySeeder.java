package dev.vigil.bench.seed;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vigil.api.history.Feature;
import dev.vigil.bench.synthetic.Login;
import dev.vigil.bench.synthetic.LoginGenerator;
import dev.vigil.privacy.store.Pseudonyms;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Puts synthetic histories into Vigil's tables of one realm, as the privacy store would have kept them had each
 * login been recorded: every feature (the demo realm collects them all) bounded as the server reads it, identifying
 * ones pseudonymized with the realm's key by the store's own {@link Pseudonyms}, one device row per fingerprint with
 * the sign-ins pointing at it, the last sign-in, a consent to the realm's current terms, and the realm-wide
 * counters. Written with COPY, a batch of users at a time.
 * <p>The measured users are not seeded here: their history must be what the server observes of their own browser
 * ({@link MeasuredHistories}).
 */
final class HistorySeeder {

    private static final int USERS_PER_BATCH = 250;
    /** Batches generated ahead of the COPY, which takes them in order. */
    private static final int BATCHES_AHEAD = 4;

    private final CopyManager copy;
    private final LoginGenerator generator;
    private final int signIns;
    private final HistoryWindow window;
    private final SeedTerms terms;

    HistorySeeder(Connection db, LoginGenerator generator, int signIns, HistoryWindow window, SeedTerms terms)
            throws SQLException {
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.generator = generator;
        this.signIns = signIns;
        this.window = window;
        this.terms = terms;
    }

    /**
     * Seeds these users of the realm; the generator's users {@code firstUserIndex} onwards stand for them. Histories
     * are generated on every core, a batch of users at a time, while the previous batches are copied in.
     */
    void seed(String realmId, Pseudonyms pseudonyms, List<String> userIds, int firstUserIndex) {
        PopulationTally population = new PopulationTally();
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Deque<Future<Batch>> ahead = new ArrayDeque<>();
            for (int from = 0; from < userIds.size() || !ahead.isEmpty(); from += USERS_PER_BATCH) {
                if (from < userIds.size()) {
                    List<String> users = userIds.subList(from, Math.min(userIds.size(), from + USERS_PER_BATCH));
                    int first = firstUserIndex + from;
                    ahead.add(workers.submit(() -> batch(realmId, pseudonyms, users, first)));
                }
                if (ahead.size() >= BATCHES_AHEAD || from + USERS_PER_BATCH >= userIds.size()) {
                    Batch batch = ahead.remove().get();
                    batch.copyIn(this);
                    population.add(batch.population);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot generate histories", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        CopyRows counters = new CopyRows();
        population.forEachCounter((counter, valueKey, count) ->
                counters.add(realmId).add(counter).add(valueKey).add(count).endRow());
        copyIn("vigil_population (realm_id, counter, value_key, n)", counters);
    }

    private Batch batch(String realmId, Pseudonyms pseudonyms, List<String> userIds, int firstGeneratorUser) {
        Batch batch = new Batch();
        for (int i = 0; i < userIds.size(); i++) {
            batch.addUser(realmId, pseudonyms, userIds.get(i), firstGeneratorUser + i);
        }
        return batch;
    }

    private void copyIn(String tableAndColumns, CopyRows rows) {
        if (rows.rows() == 0) {
            return;
        }
        try {
            copy.copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(rows.take()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot COPY into " + tableAndColumns, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the store keeps of a login: each value bounded as the server reads it, identifying ones as pseudonyms. */
    private static Map<Feature, String> kept(Login login, Pseudonyms pseudonyms, Map<String, String> cache) {
        Map<Feature, String> kept = new EnumMap<>(Feature.class);
        login.observation().values().forEach((feature, raw) -> {
            if (raw == null || raw.isBlank()) {
                return;
            }
            String value = feature.bounded(raw);
            kept.put(feature, feature.pseudonymized()
                    ? cache.computeIfAbsent(feature.name() + '\0' + value, any -> pseudonyms.of(feature, value))
                    : value);
        });
        return kept;
    }

    /** The rows of a batch of users, and what they add to the realm's counters. */
    private final class Batch {
        final CopyRows signInRows = new CopyRows();
        final CopyRows deviceRows = new CopyRows();
        final CopyRows lastSignInRows = new CopyRows();
        final CopyRows consentRows = new CopyRows();
        final PopulationTally population = new PopulationTally();

        void addUser(String realmId, Pseudonyms pseudonyms, String userId, int generatorIndex) {
            List<Login> logins = generator.events(generatorIndex, signIns, List.of(), 0).stream()
                    .map(LoginGenerator.Event::login).toList();
            List<Instant> times = window.fit(logins.stream().map(Login::at).toList());
            Map<String, String> pseudonymsOfUser = new HashMap<>();
            Map<String, Device> devices = new LinkedHashMap<>();
            population.user(userId, logins.size());
            for (int i = 0; i < logins.size(); i++) {
                Login login = logins.get(i);
                long at = times.get(i).toEpochMilli();
                Map<Feature, String> kept = kept(login, pseudonyms, pseudonymsOfUser);
                population.signIn(kept);
                String label = login.browser() + " on " + login.os();
                // As the store keys a device: its fingerprint, or failing that its user agent.
                String deviceKey = kept.getOrDefault(Feature.FINGERPRINT, kept.get(Feature.USER_AGENT));
                Device device = devices.computeIfAbsent(deviceKey, key -> new Device(UUID.randomUUID().toString(), at));
                device.lastSeen = Math.max(device.lastSeen, at);
                device.label = label;
                signInRows.add(UUID.randomUUID()).add(realmId).add(userId).add(device.id).add(at);
                SignInTable.FEATURES.forEach(feature -> signInRows.add(kept.get(feature)));
                signInRows.add(login.latitude()).add(login.longitude()).add(login.accuracyRadiusKm())
                        .add(login.place().label()).add(label).add("LOW").add(0.0).add(null).add("ALLOWED").endRow();
            }
            devices.forEach((key, device) -> deviceRows.add(device.id).add(realmId).add(userId).add(key)
                    .add(device.label).add(device.firstSeen).add(device.lastSeen).endRow());
            lastSignInRows.add(realmId).add(userId).add(times.get(times.size() - 1).toEpochMilli()).endRow();
            consentRows.add(UUID.randomUUID()).add(realmId).add(userId).add(terms.version())
                    .add(times.get(0).toEpochMilli() - 60_000).add(terms.purposes()).add(null).endRow();
        }

        void copyIn(HistorySeeder seeder) {
            seeder.copyIn("vigil_sign_in (" + SignInTable.COLUMNS + ")", signInRows);
            seeder.copyIn("vigil_device (id, realm_id, user_id, device_key, label, first_seen, last_seen)", deviceRows);
            seeder.copyIn("vigil_last_sign_in (realm_id, user_id, at)", lastSignInRows);
            seeder.copyIn("vigil_consent (id, realm_id, user_id, terms_version, accepted_at, purposes, withdrawn_at)",
                    consentRows);
        }
    }

    /** One device of the user being seeded. */
    private static final class Device {
        final String id;
        final long firstSeen;
        long lastSeen;
        String label;

        Device(String id, long firstSeen) {
            this.id = id;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
        }
    }
}
