package dev.vigil.risk.model.calibration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.Observation;

/**
 * Targeted attacks simulated from the realm's own data, after the attacker model of Wiefling et al.: the attacker
 * knows the victim's city, browser, device type and languages (the victim's latest sign-in gives them all, user
 * agent included), signs in from another network of the victim's provider (a network and address the realm never
 * saw) with their own device: the fingerprint of another sampled user with the same OS, so that common set-ups
 * collide as they do in life. They do not know the victim's hours: the attacks are spread over the day.
 */
final class TargetedAttacks {

    private static final Duration DAY = Duration.ofDays(1);

    /** Per OS, the fingerprints of the sampled users' latest sign-ins, in input order. */
    private final Map<String, List<String>> fingerprintsByOs = new HashMap<>();
    private final int perUser;

    TargetedAttacks(List<SignIn> latestSignIns, int perUser) {
        this.perUser = perUser;
        for (SignIn latest : latestSignIns) {
            String os = latest.features().get(Feature.OS);
            String fingerprint = latest.features().get(Feature.FINGERPRINT);
            if (os != null && fingerprint != null) {
                fingerprintsByOs.computeIfAbsent(os, key -> new ArrayList<>()).add(fingerprint);
            }
        }
    }

    /** An attack with its instant. */
    record Attempt(Observation login, Instant at) {
    }

    /** The attacks on the victim whose latest sign-in this is; {@code victim} picks the devices lent to them. */
    List<Attempt> on(SignIn latest, int victim) {
        List<Attempt> attempts = new ArrayList<>(perUser);
        for (int a = 0; a < perUser; a++) {
            Map<Feature, String> values = new EnumMap<>(Feature.class);
            values.putAll(latest.features());
            values.put(Feature.NETWORK, "simulated-network-" + victim + "-" + a);
            values.put(Feature.IP, "simulated-address-" + victim + "-" + a);
            String fingerprint = anotherFingerprint(latest.features(), victim + a);
            if (fingerprint != null) {
                values.put(Feature.FINGERPRINT, fingerprint);
            }
            Instant at = latest.at().plus(DAY.multipliedBy(2 * a + 1).dividedBy(2L * perUser));
            attempts.add(new Attempt(new Observation(values), at));
        }
        return attempts;
    }

    /**
     * A fingerprint of the same OS other than the victim's, or a never-seen one when the sample has none: the
     * attacker's own machine.
     */
    private String anotherFingerprint(Map<Feature, String> victim, int pick) {
        String own = victim.get(Feature.FINGERPRINT);
        if (own == null) {
            return null;
        }
        List<String> sameOs = fingerprintsByOs.getOrDefault(victim.get(Feature.OS), List.of());
        for (int i = 0; i < sameOs.size(); i++) {
            String candidate = sameOs.get(Math.floorMod(pick + 1 + i, sameOs.size()));
            if (!Objects.equals(candidate, own)) {
                return candidate;
            }
        }
        return "simulated-fingerprint-" + pick;
    }
}
