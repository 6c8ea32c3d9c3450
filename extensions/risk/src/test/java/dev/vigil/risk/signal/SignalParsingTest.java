package dev.vigil.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.api.history.Feature;
import org.junit.jupiter.api.Test;

class SignalParsingTest {

    @Test
    void clientAddressesAreLiteralsOnlySoNoLoginTriggersADnsLookup() throws Exception {
        assertThat(ClientAddress.parse("81.2.69.142")).contains(InetAddress.getByName("81.2.69.142"));
        assertThat(ClientAddress.parse("2001:db8::1")).contains(InetAddress.getByName("2001:db8::1"));
        assertThat(ClientAddress.parse("cafe.be")).isEmpty();
        assertThat(ClientAddress.parse("localhost")).isEmpty();
        assertThat(ClientAddress.parse("")).isEmpty();
        assertThat(ClientAddress.parse(null)).isEmpty();
    }

    @Test
    void preferredLanguageIsTheFirstRangeOfAWellFormedHeader() {
        assertThat(DeviceSignal.preferredLanguage("fr-CH, fr;q=0.9, en;q=0.8")).contains("fr-ch");
        assertThat(DeviceSignal.preferredLanguage("*;q=0.5, de")).contains("de");
        assertThat(DeviceSignal.preferredLanguage("en;q=")).isEmpty();
        assertThat(DeviceSignal.preferredLanguage("en," + "x".repeat(300))).isEmpty();
    }

    @Test
    void fingerprintsAreSha256InBase64url() {
        assertThat(FingerprintSignal.isWellFormed("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")).isTrue();
        assertThat(FingerprintSignal.isWellFormed("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")).isFalse();
        assertThat(FingerprintSignal.isWellFormed("short")).isFalse();
        assertThat(FingerprintSignal.isWellFormed("<script>alert(1)</script>xxxxxxxxxxxxxxxxxx")).isFalse();
    }

    @Test
    void networkListsHoldWhatTheAdminListed() throws Exception {
        NetworkLists lists = NetworkLists.of(RiskConfig.of(Map.of("deniedNetworks", "203.0.113.0/24##2001:db8::/48")));

        assertThat(lists.denied().contains(InetAddress.getByName("203.0.113.7"))).isTrue();
        assertThat(lists.denied().contains(InetAddress.getByName("2001:db8:0:1::1"))).isTrue();
        assertThat(lists.denied().contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(lists.trusted().isEmpty()).isTrue();
    }

    @Test
    void aWellFormedLanguageLongerThanItsColumnIsObservedCutToIt() {
        String header = "en-" + String.join("-", java.util.Collections.nCopies(8, "abcdefgh")) + ", fr;q=0.5";
        Evidence evidence = new Evidence();

        evidence.observe(Feature.LANGUAGE, DeviceSignal.preferredLanguage(header).orElseThrow());

        assertThat(evidence.observed(Feature.LANGUAGE)).hasValueSatisfying(language ->
                assertThat(language).hasSize(Feature.LANGUAGE.maxLength()).startsWith("en-abcdefgh-"));
    }
}
