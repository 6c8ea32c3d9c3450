package dev.vigil.risk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import org.junit.jupiter.api.Test;

class RecognizedDeviceTest {

    private static final Map<Feature, String> LAPTOP_AT_HOME = Map.of(Feature.IP, "ip-1", Feature.NETWORK, "net-home",
            Feature.ASN, "AS1", Feature.USER_AGENT, "ua-firefox-146", Feature.OS, "Linux", Feature.DEVICE_TYPE,
            "desktop", Feature.FINGERPRINT, "fp-laptop", Feature.LANGUAGE, "sv-SE");

    @Test
    void theSameFingerprintOsAndDeviceTypeSeenOnTheSameNetworkIsRecognized() {
        Observation sameLaptopNewAddressNewBrowserVersion = login(Map.of(Feature.IP, "ip-2",
                Feature.USER_AGENT, "ua-firefox-147"));

        assertThat(RecognizedDevice.in(sameLaptopNewAddressNewBrowserVersion, List.of(signIn(LAPTOP_AT_HOME,
                SignIn.Outcome.ALLOWED)))).isTrue();
        assertThat(RecognizedDevice.in(login(Map.of()), List.of(signIn(LAPTOP_AT_HOME, SignIn.Outcome.STEPPED_UP))))
                .as("a sign-in that passed a step-up counts").isTrue();
    }

    @Test
    void aNewFingerprintANewNetworkOrAnotherOsIsNotRecognized() {
        List<SignIn> history = List.of(signIn(LAPTOP_AT_HOME, SignIn.Outcome.ALLOWED));

        assertThat(RecognizedDevice.in(login(Map.of(Feature.FINGERPRINT, "fp-other")), history)).isFalse();
        assertThat(RecognizedDevice.in(login(Map.of(Feature.NETWORK, "net-neighbour")), history))
                .as("same provider, another /24").isFalse();
        assertThat(RecognizedDevice.in(login(Map.of(Feature.OS, "Windows 10")), history)).isFalse();
        assertThat(RecognizedDevice.in(login(Map.of(Feature.DEVICE_TYPE, "mobile")), history)).isFalse();
    }

    @Test
    void theFingerprintAndTheNetworkMustHaveBeenSeenTogether() {
        Map<Feature, String> phoneAtHome = new EnumMap<>(LAPTOP_AT_HOME);
        phoneAtHome.put(Feature.FINGERPRINT, "fp-phone");
        Map<Feature, String> laptopAtWork = new EnumMap<>(LAPTOP_AT_HOME);
        laptopAtWork.put(Feature.NETWORK, "net-work");

        assertThat(RecognizedDevice.in(login(Map.of()), List.of(signIn(phoneAtHome, SignIn.Outcome.ALLOWED),
                signIn(laptopAtWork, SignIn.Outcome.ALLOWED)))).isFalse();
    }

    @Test
    void aDeniedSignInOrALoginWithoutFingerprintOrNetworkIsNeverRecognized() {
        Map<Feature, String> withoutFingerprint = new EnumMap<>(LAPTOP_AT_HOME);
        withoutFingerprint.remove(Feature.FINGERPRINT);
        Map<Feature, String> withoutNetwork = new EnumMap<>(LAPTOP_AT_HOME);
        withoutNetwork.remove(Feature.NETWORK);

        assertThat(RecognizedDevice.in(login(Map.of()), List.of(signIn(LAPTOP_AT_HOME, SignIn.Outcome.DENIED))))
                .isFalse();
        assertThat(RecognizedDevice.in(new Observation(withoutFingerprint),
                List.of(signIn(withoutFingerprint, SignIn.Outcome.ALLOWED)))).isFalse();
        assertThat(RecognizedDevice.in(new Observation(withoutNetwork),
                List.of(signIn(withoutNetwork, SignIn.Outcome.ALLOWED)))).isFalse();
        assertThat(RecognizedDevice.in(login(Map.of()), List.of())).isFalse();
    }

    /** The laptop at home with some values changed. */
    private static Observation login(Map<Feature, String> changed) {
        Map<Feature, String> values = new EnumMap<>(LAPTOP_AT_HOME);
        values.putAll(changed);
        return new Observation(values);
    }

    private static SignIn signIn(Map<Feature, String> features, SignIn.Outcome outcome) {
        return new SignIn("id", Instant.parse("2026-11-30T08:00:00Z"), features, null, "Firefox on Linux", "LOW", 1e-7,
                List.of(), outcome);
    }
}
