package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.PopulationCounts;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.signal.Evidence;
import dev.vigil.risk.signal.LoginContext;
import dev.vigil.risk.signal.RiskSignal;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The whole assessment of one login from a stored history and the realm's stored counts, pinned to the score, level
 * and reasons the server gave before its reads were reorganised: how the history and counts are read may change,
 * what the model makes of them may not.
 */
class RiskAssessorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    private static final Place LINKOPING = new Place(58.4167, 15.6167, 100, "near Linköping, SE");
    private static final Map<Feature, String> HOME = Map.of(Feature.IP, "89.160.20.112", Feature.NETWORK, "89.160.20.0/24",
            Feature.ASN, "AS29518", Feature.COUNTRY, "SE", Feature.CITY, "Linköping, SE",
            Feature.USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            Feature.BROWSER, "Firefox 133", Feature.OS, "Linux", Feature.DEVICE_TYPE, "desktop",
            Feature.LANGUAGE, "sv-se");
    private static final Map<Feature, String> ELSEWHERE = Map.of(Feature.IP, "175.16.199.7", Feature.NETWORK, "175.16.199.0/24",
            Feature.COUNTRY, "CN", Feature.CITY, "Changchun, CN",
            Feature.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36",
            Feature.BROWSER, "Chrome 131", Feature.OS, "Windows 10", Feature.DEVICE_TYPE, "desktop",
            Feature.LANGUAGE, "zh-cn");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final SignInHistoryProvider store = mock(SignInHistoryProvider.class);
    private final List<SignIn> history = new ArrayList<>();

    RiskAssessorTest() {
        when(store.stored(any(), any(), any())).thenAnswer(call -> call.getArgument(1, Feature.class).pseudonymized()
                ? "hmac(" + call.getArgument(2) + ")" : call.getArgument(2));
        // A realm of 400 users and 20,000 sign-ins, where the home values are common and the foreign ones rare.
        when(store.population(any(), anyMap())).thenAnswer(call -> {
            Map<Feature, String> stored = call.getArgument(1);
            Map<Feature, Long> distinct = new EnumMap<>(Feature.class);
            Map<Feature, Long> matching = new EnumMap<>(Feature.class);
            stored.forEach((feature, value) -> {
                distinct.put(feature, 250L);
                boolean home = value.equals(stored(feature, HOME.get(feature)));
                matching.put(feature, home ? 400L : 3L);
            });
            return new PopulationCounts(20_000, 400, distinct, matching);
        });
    }

    @Test
    void aReturningLoginFromHomeIsLowAsBefore() {
        twelveSignInsFromHome();

        RiskAssessor.Result result = assess(HOME);

        assertThat(result.assessment().level()).isEqualTo(RiskLevel.LOW);
        assertThat(result.assessment().score()).isCloseTo(2.9846816490087717E-6, withinPercentage(1e-9));
        assertThat(result.assessment().reasonCodes()).containsExactly("user-prior", "known-language", "known-device", "known-network", "known-fingerprint");
        assertThat(result.pending().notice()).isNull();
    }

    @Test
    void aLoginFromAnotherCountryAndBrowserIsScoredAsBefore() {
        twelveSignInsFromHome();

        RiskAssessor.Result result = assess(ELSEWHERE);

        assertThat(result.assessment().level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(result.assessment().score()).isCloseTo(0.0040725641446273724, withinPercentage(1e-9));
        assertThat(result.assessment().reasonCodes()).containsExactly("user-prior", "new-country", "new-language", "new-os", "known-fingerprint");
        assertThat(result.pending().notice()).isEqualTo("vigilNewSignInNewCountry");
    }

    @Test
    void aFirstLoginIsScoredAsBefore() {
        RiskAssessor.Result result = assess(HOME);

        assertThat(result.assessment().level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(result.assessment().score()).isCloseTo(5.656854249492381, withinPercentage(1e-9));
        assertThat(result.assessment().reasonCodes()).containsExactly("few-logins", "user-prior", "new-country", "new-device-type", "new-language", "known-fingerprint");
        assertThat(result.pending().notice()).isNull();
    }

    private void twelveSignInsFromHome() {
        for (int day = 12; day >= 1; day--) {
            Map<Feature, String> kept = new EnumMap<>(Feature.class);
            HOME.forEach((feature, value) -> kept.put(feature, stored(feature, value)));
            history.add(new SignIn("s" + day, NOW.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(day * 7L)), kept,
                    LINKOPING, "Firefox on Linux", "LOW", 0.5, List.of(), SignIn.Outcome.ALLOWED));
        }
    }

    private static String stored(Feature feature, String raw) {
        return raw == null ? null : feature.pseudonymized() ? "hmac(" + raw + ")" : raw;
    }

    private RiskAssessor.Result assess(Map<Feature, String> observed) {
        RiskSignal signal = (login, evidence) -> observe(observed, evidence);
        when(session.getAllProviders(RiskSignal.class)).thenReturn(Set.of(signal));
        LoginContext login = new LoginContext(session, mock(RealmModel.class), mock(UserModel.class),
                mock(AuthenticationSessionModel.class), RiskConfig.of(Map.of()), store, List.copyOf(history), NOW);
        return new RiskAssessor(login).assess();
    }

    private static void observe(Map<Feature, String> observed, Evidence evidence) {
        observed.forEach(evidence::observe);
        evidence.place(observed == HOME ? LINKOPING : new Place(43.88, 125.32, 50, "near Changchun, CN"));
        evidence.hourFactor(1.0);
    }
}
