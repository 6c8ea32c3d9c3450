package dev.vigil.risk.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.risk.model.calibration.CalibrationInput;
import dev.vigil.risk.model.calibration.CalibrationSettings;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/** The calibration's input read from the history store: paged, bounded by the settings, only what the model reads. */
class RealmSampleTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final SignInHistoryProvider history = mock(SignInHistoryProvider.class);
    private int transactions;
    private final StoreReads reads = new StoreReads() {
        @Override
        public <T> T read(BiFunction<SignInHistoryProvider, RealmModel, T> reading) {
            transactions++;
            return reading.apply(history, realm);
        }
    };

    @Test
    void readsTheFirstUsersInPagesUpToTheSampleSize() {
        List<String> users = IntStream.range(0, 250).mapToObj(i -> String.format("user-%03d", i)).toList();
        given(history.usersWithHistory(eq(realm), any(), anyInt())).willAnswer(call -> after(users, call.getArgument(1), call.getArgument(2)));
        given(history.recent(eq(realm), any(String.class), anyInt())).willReturn(List.of(signIn(2, "net-a"), signIn(1, "net-b")));
        given(history.populationTotals(realm)).willReturn(new PopulationCounts(500, 250, Map.of(), Map.of()));

        CalibrationInput input = new RealmSample(reads, settings(220)).read();

        assertThat(input.histories()).hasSize(220);
        then(history).should().usersWithHistory(realm, null, 100);
        then(history).should().usersWithHistory(realm, "user-099", 100);
        then(history).should().usersWithHistory(realm, "user-199", 20);
        then(history).should(never()).recent(realm, "user-220", 105);
        then(history).should().recent(realm, "user-219", 105);
    }

    @Test
    void stopsAtTheLastUserOfASmallRealm() {
        given(history.usersWithHistory(eq(realm), isNull(), anyInt())).willReturn(List.of("only"));
        given(history.recent(realm, "only", 105)).willReturn(List.of(signIn(2, "net-a")));
        given(history.populationTotals(realm)).willReturn(new PopulationCounts(1, 1, Map.of(), Map.of()));

        assertThat(new RealmSample(reads, settings(2_000)).read().histories()).hasSize(1);
        then(history).should().usersWithHistory(realm, null, 100);
    }

    @Test
    void keepsEachHistoryOldestFirstWithOnlyWhatTheModelReads() {
        given(history.usersWithHistory(eq(realm), isNull(), anyInt())).willReturn(List.of("u"));
        given(history.recent(realm, "u", 105)).willReturn(List.of(signIn(2, "net-a"), signIn(1, "net-b")));
        given(history.populationTotals(realm)).willReturn(new PopulationCounts(2, 1, Map.of(), Map.of()));

        List<SignIn> read = new RealmSample(reads, settings(10)).read().histories().get(0);

        assertThat(read).extracting(SignIn::at).containsExactly(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2));
        assertThat(read.get(0).features()).containsEntry(Feature.NETWORK, "net-b");
        assertThat(read.get(0).reasons()).containsExactly("remembered-device");
        assertThat(read.get(0).outcome()).isEqualTo(SignIn.Outcome.STEPPED_UP);
        assertThat(read.get(0).place()).isNull();
        assertThat(read.get(0).deviceLabel()).isNull();
    }

    @Test
    void asksTheRealmsCountsForTheSampledValuesOnlyOneFeatureAtATime() {
        given(history.usersWithHistory(eq(realm), isNull(), anyInt())).willReturn(List.of("u", "v"));
        given(history.recent(realm, "u", 105)).willReturn(List.of(signIn(2, "net-a"), signIn(1, "net-b")));
        given(history.recent(realm, "v", 105)).willReturn(List.of(signIn(3, "net-a")));
        given(history.populationTotals(realm)).willReturn(new PopulationCounts(900, 300,
                Map.of(Feature.NETWORK, 40L), Map.of()));
        List<Collection<String>> asked = new ArrayList<>();
        given(history.populationCounts(eq(realm), eq(Feature.NETWORK), anyCollection())).willAnswer(call -> {
            asked.add(List.copyOf(call.<Collection<String>>getArgument(2)));
            return Map.of("net-a", 77L);
        });
        given(history.populationCounts(eq(realm), eq(Feature.BROWSER), anyCollection())).willReturn(Map.of("Firefox", 500L));

        CalibrationInput input = new RealmSample(reads, settings(10)).read();

        assertThat(asked).singleElement().satisfies(values -> assertThat(values).containsExactlyInAnyOrder("net-a", "net-b"));
        assertThat(input.population().logins()).isEqualTo(900);
        assertThat(input.population().users()).isEqualTo(300);
        assertThat(input.population().distinctValues(Feature.NETWORK)).isEqualTo(40);
        assertThat(input.population().count(Feature.NETWORK, "net-a")).isEqualTo(77);
        assertThat(input.population().count(Feature.NETWORK, "simulated-network")).as("never seen").isZero();
        assertThat(input.population().count(Feature.BROWSER, "Firefox")).isEqualTo(500);
        assertThat(transactions).as("one page of users, the totals, one per feature").isEqualTo(4);
    }

    private static CalibrationSettings settings(int maxUsers) {
        return new CalibrationSettings(1, 2, 5, 4, maxUsers, 100);
    }

    private static List<String> after(List<String> users, String after, int limit) {
        return users.stream().filter(user -> after == null || user.compareTo(after) > 0).limit(limit).toList();
    }

    private static SignIn signIn(long second, String network) {
        return new SignIn("id-" + second, Instant.ofEpochSecond(second), Map.of(Feature.NETWORK, network, Feature.BROWSER, "Firefox"),
                new Place(58.4, 15.6, 20, "near Linköping, SE"), "Firefox on Linux", "MEDIUM", 3e-5,
                List.of("remembered-device"), SignIn.Outcome.STEPPED_UP);
    }
}
