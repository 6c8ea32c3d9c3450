package dev.vigil.risk.model;

import java.util.List;
import java.util.Objects;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;

/**
 * Whether a login comes from a device the user already signed in with from the same network: one earlier
 * successful sign-in had the same client-side fingerprint, network (/24 or /48), OS and device type. It is how a
 * known device is told apart when it shows no remembered-device cookie (a private window, cleared cookies):
 * the fingerprint alone collides between people with common set-ups, and an attacker who knows the user's city
 * and browser still lacks both the device and the network.
 * <p>
 * Values are compared in stored form (keyed hashes), as the history keeps them; a login without a fingerprint or
 * a network is never recognized.
 */
public final class RecognizedDevice {

    private static final List<Feature> SAME = List.of(Feature.FINGERPRINT, Feature.NETWORK, Feature.OS,
            Feature.DEVICE_TYPE);

    private RecognizedDevice() {
    }

    /** Whether some successful sign-in of {@code history} matches {@code login} on every compared feature. */
    public static boolean in(Observation login, List<SignIn> history) {
        if (login.value(Feature.FINGERPRINT) == null || login.value(Feature.NETWORK) == null) {
            return false;
        }
        for (SignIn signIn : history) {
            if (CountingHistory.successful(signIn) && sameDevice(login, signIn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDevice(Observation login, SignIn signIn) {
        for (Feature feature : SAME) {
            if (!Objects.equals(login.value(feature), signIn.features().get(feature))) {
                return false;
            }
        }
        return true;
    }
}
