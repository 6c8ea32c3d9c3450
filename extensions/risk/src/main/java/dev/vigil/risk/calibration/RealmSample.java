package dev.vigil.risk.calibration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.calibration.CalibrationInput;
import dev.vigil.risk.model.calibration.CalibrationSettings;

/**
 * What a calibration learns from, read from the realm's history store: the first {@code maxUsers} users with a history
 * in id order (ids are random UUIDs, so this is an unbiased sample, and the same one on every node), each user's latest
 * sign-ins as many as a scored login is compared with, and the realm's counts for the values of that sample only.
 * Read-only and paged; values are shared between the sign-ins that carry them, and only what the model compares is
 * kept (no places or labels), so memory grows with the sample's size, bounded by the settings, never with the realm's.
 */
public final class RealmSample {

    /** Users whose histories are read in one transaction. */
    static final int USERS_PER_PAGE = 100;

    private final StoreReads store;
    private final CalibrationSettings settings;
    private final Map<String, String> shared = new HashMap<>();

    public RealmSample(StoreReads store, CalibrationSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public CalibrationInput read() {
        List<List<SignIn>> histories = new ArrayList<>();
        int perUser = settings.historyCap() + settings.heldOutLogins();
        String after = null;
        while (histories.size() < settings.maxUsers()) {
            int wanted = Math.min(USERS_PER_PAGE, settings.maxUsers() - histories.size());
            String from = after;
            Page page = store.read((history, realm) -> {
                List<String> users = history.usersWithHistory(realm, from, wanted);
                List<List<SignIn>> read = new ArrayList<>(users.size());
                for (String userId : users) {
                    read.add(oldestFirst(history.recent(realm, userId, perUser)));
                }
                return new Page(users, read);
            });
            histories.addAll(page.histories());
            if (page.users().size() < wanted) {
                break;
            }
            after = page.users().get(page.users().size() - 1);
        }
        return new CalibrationInput(population(histories), histories);
    }

    /** The realm's totals, and its counts for every value the sample holds, one feature at a time. */
    private SampledPopulation population(List<List<SignIn>> histories) {
        Map<Feature, Set<String>> values = new EnumMap<>(Feature.class);
        histories.forEach(signIns -> signIns.forEach(signIn -> signIn.features().forEach((feature, value) ->
                values.computeIfAbsent(feature, f -> new HashSet<>()).add(value))));
        PopulationCounts totals = store.read((history, realm) -> history.populationTotals(realm));
        Map<Feature, Map<String, Long>> counts = new EnumMap<>(Feature.class);
        values.forEach((feature, kept) ->
                counts.put(feature, store.read((history, realm) -> history.populationCounts(realm, feature, kept))));
        return new SampledPopulation(totals, counts);
    }

    /** The user's sign-ins, newest first as stored, turned oldest first with only what the calibration reads. */
    private List<SignIn> oldestFirst(List<SignIn> newestFirst) {
        List<SignIn> kept = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            SignIn signIn = newestFirst.get(i);
            Map<Feature, String> features = new EnumMap<>(Feature.class);
            signIn.features().forEach((feature, value) -> features.put(feature, share(value)));
            kept.add(new SignIn(null, signIn.at(), features, null, null, null, null,
                    signIn.reasons().stream().map(this::share).toList(), signIn.outcome()));
        }
        return kept;
    }

    private String share(String value) {
        return shared.computeIfAbsent(value, v -> v);
    }

    private record Page(List<String> users, List<List<SignIn>> histories) {
    }
}
