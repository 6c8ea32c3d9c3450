package dev.vigil.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.geoip.AnonymizerFlags;
import dev.vigil.risk.geoip.GeoIpProvider;
import dev.vigil.risk.geoip.GeoLocation;
import dev.vigil.risk.geoip.NetworkOwner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Each signal on a login built from mocks: what it reads, what it leaves unknown, what it never reads. */
class SignalsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final GeoLocation LONDON = new GeoLocation("GB", "London", 51.5142, -0.0931, 10, "Europe/London");

    private final Set<Feature> collected = EnumSet.allOf(Feature.class);
    private final List<SignIn> history = new ArrayList<>();
    private final Map<String, String> config = new HashMap<>();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final HttpHeaders headers = mock(HttpHeaders.class);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    private final GeoIpProvider geoIp = mock(GeoIpProvider.class);

    SignalsTest() {
        KeycloakContext context = mock(KeycloakContext.class);
        when(session.getContext()).thenReturn(context);
        when(context.getRequestHeaders()).thenReturn(headers);
        from("81.2.69.142");
        when(geoIp.locate(any())).thenReturn(Optional.empty());
        when(geoIp.networkOwner(any())).thenReturn(Optional.empty());
        when(geoIp.anonymizer(any())).thenReturn(Optional.empty());
    }

    @Nested
    class Network {

        @Test
        void observesTheAddressItsNetworkAndItsOperator() throws Exception {
            when(geoIp.networkOwner(InetAddress.getByName("81.2.69.142"))).thenReturn(Optional.of(new NetworkOwner(1221, "Telstra")));

            Evidence evidence = observe(new NetworkSignal(geoIp));

            assertThat(evidence.observed()).containsEntry(Feature.IP, "81.2.69.142")
                    .containsEntry(Feature.NETWORK, "81.2.69.0/24")
                    .containsEntry(Feature.ASN, "AS1221");
        }

        @Test
        void anIpv6AddressHasItsSlash48() {
            from("2001:db8:1234:5678::1");

            assertThat(observe(new NetworkSignal(geoIp)).observed()).containsEntry(Feature.NETWORK, "2001:db8:1234::/48");
        }

        @Test
        void appliesTheAdminsListsAndTheAnonymizerFlagsEvenWhenNetworkDataIsNotCollected() throws Exception {
            collected.removeAll(EnumSet.of(Feature.IP, Feature.NETWORK, Feature.ASN));
            config.put("deniedNetworks", "81.2.69.0/24");
            config.put("trustedNetworks", "10.0.0.0/8");
            AnonymizerFlags tor = new AnonymizerFlags(true, false, true, false, false, false);
            when(geoIp.anonymizer(InetAddress.getByName("81.2.69.142"))).thenReturn(Optional.of(tor));

            Evidence evidence = observe(new NetworkSignal(geoIp));

            assertThat(evidence.observed()).isEmpty();
            assertThat(evidence.isDenyListed()).isTrue();
            assertThat(evidence.isTrustedNetwork()).isFalse();
            assertThat(evidence.anonymizer()).contains(tor);
        }

        @Test
        void aConnectionWithoutAnAddressLeavesEverythingUnknown() {
            when(session.getContext().getConnection()).thenReturn(null);

            Evidence evidence = observe(new NetworkSignal(geoIp));

            assertThat(evidence.observed()).isEmpty();
            assertThat(evidence.isDenyListed()).isFalse();
        }
    }

    @Nested
    class PlaceAndTravel {

        @Test
        void observesCountryCityZoneAndPlace() throws Exception {
            when(geoIp.locate(InetAddress.getByName("81.2.69.142"))).thenReturn(Optional.of(LONDON));

            Evidence evidence = observe(new PlaceSignal(geoIp));

            assertThat(evidence.observed()).containsEntry(Feature.COUNTRY, "GB").containsEntry(Feature.CITY, "London, GB")
                    .containsEntry(Feature.TIME_ZONE, "Europe/London");
            assertThat(evidence.place()).contains(new Place(51.5142, -0.0931, 10, "near London, GB"));
        }

        @Test
        void countryPrecisionKeepsNoCityNorCoordinates() throws Exception {
            collected.remove(Feature.CITY);
            when(geoIp.locate(InetAddress.getByName("81.2.69.142"))).thenReturn(Optional.of(LONDON));

            Evidence evidence = observe(new PlaceSignal(geoIp));

            assertThat(evidence.observed()).containsEntry(Feature.COUNTRY, "GB").doesNotContainKey(Feature.CITY);
            assertThat(evidence.place()).contains(new Place(null, null, null, "GB"));
        }

        @Test
        void withoutAGeoIpAnswerThePlaceIsUnknownAndNoTravelIsJudged() {
            history.add(signIn(NOW.minusSeconds(60), new Place(43.88, 125.32, 100, "near Changchun, CN")));

            Evidence evidence = observe(new PlaceSignal(geoIp));

            assertThat(evidence.observed()).isEmpty();
            assertThat(evidence.place()).isEmpty();
            assertThat(evidence.isImpossibleTravel()).isFalse();
        }

        @Test
        void changchunAnHourBeforeLondonIsImpossibleTravel() throws Exception {
            when(geoIp.locate(InetAddress.getByName("81.2.69.142"))).thenReturn(Optional.of(LONDON));
            history.add(signIn(NOW.minusSeconds(3600), new Place(43.88, 125.32, 100, "near Changchun, CN")));

            Evidence evidence = observe(new PlaceSignal(geoIp));

            assertThat(evidence.isImpossibleTravel()).isTrue();
            assertThat(evidence.travelSpeedKmh()).isGreaterThan(7000);
        }

        @Test
        void aFasterAllowedSpeedMakesTheSameTripPossible() throws Exception {
            config.put("maxTravelSpeedKmh", "20000");
            when(geoIp.locate(InetAddress.getByName("81.2.69.142"))).thenReturn(Optional.of(LONDON));
            history.add(signIn(NOW.minusSeconds(3600), new Place(43.88, 125.32, 100, "near Changchun, CN")));

            assertThat(observe(new PlaceSignal(geoIp)).isImpossibleTravel()).isFalse();
        }
    }

    @Nested
    class Device {

        private final UserAgents agents = SharedUserAgents.AGENTS;

        @Test
        void parsesTheUserAgentAndTheLanguage() {
            when(headers.getHeaderString("User-Agent"))
                    .thenReturn("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
            when(headers.getHeaderString("Accept-Language")).thenReturn("fr-FR,fr;q=0.9");

            Evidence evidence = observe(new DeviceSignal(agents));

            assertThat(evidence.observed()).containsEntry(Feature.BROWSER, "Firefox 128").containsEntry(Feature.OS, "Linux")
                    .containsEntry(Feature.DEVICE_TYPE, "Desktop").containsEntry(Feature.LANGUAGE, "fr-fr")
                    .containsKey(Feature.USER_AGENT);
            assertThat(evidence.deviceLabel()).contains("Firefox 128 on Linux (Desktop)");
        }

        @Test
        void readsNothingWhenTheRealmDoesNotCollectUserAgents() {
            collected.removeAll(EnumSet.of(Feature.USER_AGENT, Feature.BROWSER, Feature.OS, Feature.DEVICE_TYPE, Feature.LANGUAGE));
            when(headers.getHeaderString("User-Agent")).thenReturn("Mozilla/5.0 Firefox/128.0");

            Evidence evidence = observe(new DeviceSignal(agents));

            assertThat(evidence.observed()).isEmpty();
            assertThat(evidence.deviceLabel()).isEmpty();
        }
    }

    @Nested
    class Fingerprint {

        @Test
        void keepsAWellFormedHashAndFlagsAMalformedOne() {
            when(authSession.getAuthNote(FingerprintSignal.NOTE)).thenReturn("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
            assertThat(observe(new FingerprintSignal()).observed()).containsEntry(Feature.FINGERPRINT,
                    "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");

            when(authSession.getAuthNote(FingerprintSignal.NOTE)).thenReturn("screen=1920x1080;tz=Europe/Paris");
            Evidence malformed = observe(new FingerprintSignal());
            assertThat(malformed.observed()).isEmpty();
            assertThat(malformed.isMalformedFingerprint()).isTrue();
        }

        @Test
        void isNeverReadWhenNotCollected() {
            collected.remove(Feature.FINGERPRINT);
            when(authSession.getAuthNote(FingerprintSignal.NOTE)).thenReturn("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");

            assertThat(observe(new FingerprintSignal()).observed()).isEmpty();
        }
    }

    @Nested
    class Time {

        @Test
        void anEmptyHistoryIsNeutral() {
            assertThat(observe(new TimeSignal()).hourFactor()).isEqualTo(1);
        }

        @Test
        void threeInTheMorningIsUnusualForAnEveningUser() {
            for (int day = 1; day <= 20; day++) {
                history.add(signIn(Instant.parse("2026-10-01T19:00:00Z").plusSeconds(day * 86_400L), null));
            }
            Evidence usual = observe(new TimeSignal(), Instant.parse("2026-11-22T19:10:00Z"));
            Evidence unusual = observe(new TimeSignal(), Instant.parse("2026-11-22T03:00:00Z"));

            assertThat(unusual.hourFactor()).isGreaterThan(1).isGreaterThan(usual.hourFactor());
        }
    }

    private Evidence observe(RiskSignal signal) {
        return observe(signal, NOW);
    }

    private Evidence observe(RiskSignal signal, Instant now) {
        SignInHistoryProvider store = mock(SignInHistoryProvider.class);
        when(store.collects(any(), any())).thenAnswer(call -> collected.contains(call.getArgument(1, Feature.class)));
        LoginContext login = new LoginContext(session, mock(RealmModel.class), mock(UserModel.class), authSession,
                RiskConfig.of(config), store, List.copyOf(history), now);
        Evidence evidence = new Evidence();
        signal.observe(login, evidence);
        return evidence;
    }

    private void from(String address) {
        ClientConnection connection = mock(ClientConnection.class);
        when(connection.getRemoteAddr()).thenReturn(address);
        when(session.getContext().getConnection()).thenReturn(connection);
    }

    private static SignIn signIn(Instant at, Place place) {
        return new SignIn("s-" + at.toEpochMilli(), at, Map.of(Feature.TIME_ZONE, "UTC"), place, null, "LOW", 1.0, List.of(),
                SignIn.Outcome.ALLOWED);
    }
}
