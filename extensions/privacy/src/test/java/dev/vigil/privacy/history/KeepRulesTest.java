package dev.vigil.privacy.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;
import dev.vigil.privacy.settings.PrivacySettingsFixtures;
import dev.vigil.privacy.store.Pseudonyms;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeepRulesTest {

    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(new byte[32]);
    private static final SignIn OBSERVED = new SignIn(null, Instant.parse("2026-11-22T08:00:00Z"), Map.of(
            Feature.IP, "81.2.69.142",
            Feature.NETWORK, "81.2.69.0/24",
            Feature.ASN, "AS20712",
            Feature.COUNTRY, "GB",
            Feature.CITY, "London",
            Feature.USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
            Feature.BROWSER, "Firefox 128",
            Feature.FINGERPRINT, "f1ng3rpr1nt",
            Feature.TIME_ZONE, "Europe/London"),
            new Place(51.5142, -0.0931, 10, "near London, GB"), "Firefox on Linux (desktop)",
            "LOW", 0.2, List.of("known device"), SignIn.Outcome.ALLOWED);

    @Nested
    class WithDefaultSettings {

        private final SignIn kept = new KeepRules(PrivacySettingsFixtures.defaults(), PSEUDONYMS).keep(OBSERVED);

        @Test
        void identifyingValuesAreKeptOnlyAsKeyedHashes() {
            assertThat(kept.features().get(Feature.IP)).isEqualTo(PSEUDONYMS.of(Feature.IP, "81.2.69.142"))
                    .doesNotContain("81.2");
            assertThat(kept.features().get(Feature.NETWORK)).isEqualTo(PSEUDONYMS.of(Feature.NETWORK, "81.2.69.0/24"));
            assertThat(kept.features().get(Feature.CITY)).isEqualTo(PSEUDONYMS.of(Feature.CITY, "London"));
            assertThat(kept.features().get(Feature.USER_AGENT)).doesNotContain("Mozilla");
            assertThat(kept.features().get(Feature.FINGERPRINT)).isNotEqualTo("f1ng3rpr1nt");
            assertThat(kept.features().values()).noneMatch(value -> value.contains("81.2.69"));
        }

        @Test
        void coarseValuesArePlainSoAPersonCanReadThem() {
            assertThat(kept.features()).containsEntry(Feature.COUNTRY, "GB")
                    .containsEntry(Feature.BROWSER, "Firefox 128")
                    .containsEntry(Feature.ASN, "AS20712");
            assertThat(kept.place()).isEqualTo(OBSERVED.place());
            assertThat(kept.deviceLabel()).isEqualTo("Firefox on Linux (desktop)");
        }

        @Test
        void theDeviceIsKnownByItsFingerprint() {
            assertThat(KeepRules.deviceKey(kept)).contains(PSEUDONYMS.of(Feature.FINGERPRINT, "f1ng3rpr1nt"));
        }
    }

    @Nested
    class WithCollectionSwitchedOff {

        @Test
        void networkOffKeepsNoAddressNetworkOrAsn() {
            SignIn kept = new KeepRules(PrivacySettingsFixtures.with("collectNetwork", "false"), PSEUDONYMS).keep(OBSERVED);

            assertThat(kept.features()).doesNotContainKeys(Feature.IP, Feature.NETWORK, Feature.ASN).containsKey(Feature.COUNTRY);
        }

        @Test
        void countryPrecisionKeepsNeitherCityNorCoordinates() {
            SignIn kept = new KeepRules(PrivacySettingsFixtures.with("geolocation", "country"), PSEUDONYMS).keep(OBSERVED);

            assertThat(kept.features()).doesNotContainKey(Feature.CITY).containsEntry(Feature.COUNTRY, "GB");
            assertThat(kept.place()).isNull();
        }

        @Test
        void noGeolocationKeepsNoPlaceAtAll() {
            SignIn kept = new KeepRules(PrivacySettingsFixtures.with("geolocation", "none"), PSEUDONYMS).keep(OBSERVED);

            assertThat(kept.features()).doesNotContainKeys(Feature.CITY, Feature.COUNTRY);
            assertThat(kept.place()).isNull();
        }

        @Test
        void userAgentOffKeepsNoBrowserDataAndNoDeviceLabel() {
            SignIn kept = new KeepRules(PrivacySettingsFixtures.with("collectUserAgent", "false"), PSEUDONYMS).keep(OBSERVED);

            assertThat(kept.features()).doesNotContainKeys(Feature.USER_AGENT, Feature.BROWSER, Feature.OS, Feature.DEVICE_TYPE);
            assertThat(kept.deviceLabel()).isNull();
        }

        @Test
        void fingerprintOffFallsBackToTheUserAgentForTheDevice() {
            SignIn kept = new KeepRules(PrivacySettingsFixtures.with("collectFingerprint", "false"), PSEUDONYMS).keep(OBSERVED);

            assertThat(kept.features()).doesNotContainKey(Feature.FINGERPRINT);
            assertThat(KeepRules.deviceKey(kept)).contains(kept.features().get(Feature.USER_AGENT));
        }
    }
}
