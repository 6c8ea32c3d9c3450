package dev.vigil.risk.model.calibration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.Observation;

/**
 * Targeted attacks simulated from the realm's own data, after the attacker model of Wiefling et al.: the attacker
 * knows the victim's city, browser, device type and languages (the victim's latest sign-in gives them all, user
 * agent included), signs in from another network of the victim's provider (a network and address the realm never
 * saw) with their own device: the fingerprint of another sampled user with the same browser, OS and device type
 * (or at least the same OS), whatever it is, so that common set-ups collide with the victim's as often as they do in
 * the realm. They do not know the victim's hours: the attacks are spread over the day.
 */
final class TargetedAttacks {

    private static final Duration DAY = Duration.ofDays(1);

    /** Per set-up (browser, OS, device type) and per OS: the sampled users' latest fingerprints, with their user. */
    private final Map<String, List<Lender>> bySetUp = new HashMap<>();
    private final Map<String, List<Lender>> byOs = new HashMap<>();
    private final int perUser;

    /** @param latestSignIns each sampled user's latest sign-in, the user's index its position */
    TargetedAttacks(List<SignIn> latestSignIns, int perUser) {
        this.perUser = perUser;
        for (int user = 0; user < latestSignIns.size(); user++) {
            Map<Feature, String> features = latestSignIns.get(user).features();
            String fingerprint = features.get(Feature.FINGERPRINT);
            if (features.get(Feature.OS) != null && fingerprint != null) {
                Lender lender = new Lender(user, fingerprint);
                bySetUp.computeIfAbsent(setUp(features), key -> new ArrayList<>()).add(lender);
                byOs.computeIfAbsent(features.get(Feature.OS), key -> new ArrayList<>()).add(lender);
            }
        }
    }

    /** An attack with its instant. */
    record Attempt(Observation login, Instant at) {
    }

    /** A sampled user whose device an attacker's resembles. */
    private record Lender(int user, String fingerprint) {
    }

    /** The attacks on the victim, the {@code victim}-th sampled user, whose latest sign-in this is. */
    List<Attempt> on(SignIn latest, int victim) {
        List<Attempt> attempts = new ArrayList<>(perUser);
        for (int a = 0; a < perUser; a++) {
            Map<Feature, String> values = new EnumMap<>(Feature.class);
            values.putAll(latest.features());
            values.put(Feature.NETWORK, "simulated-network-" + victim + "-" + a);
            values.put(Feature.IP, "simulated-address-" + victim + "-" + a);
            if (values.containsKey(Feature.FINGERPRINT)) {
                values.put(Feature.FINGERPRINT, attackersFingerprint(latest.features(), victim, a));
            }
            Instant at = latest.at().plus(DAY.multipliedBy(2 * a + 1).dividedBy(2L * perUser));
            attempts.add(new Attempt(new Observation(values), at));
        }
        return attempts;
    }

    /**
     * Another user's fingerprint of the same set-up, else of the same OS, else one never seen (the attacker's own
     * machine); the a-th attack borrows from the a-th other user after the victim.
     */
    private String attackersFingerprint(Map<Feature, String> victim, int victimIndex, int attack) {
        for (List<Lender> lenders : List.of(bySetUp.getOrDefault(setUp(victim), List.of()),
                byOs.getOrDefault(victim.get(Feature.OS), List.of()))) {
            List<Lender> others = lenders.stream().filter(lender -> lender.user() != victimIndex).toList();
            if (!others.isEmpty()) {
                int after = (int) others.stream().filter(lender -> lender.user() < victimIndex).count();
                return others.get((after + attack) % others.size()).fingerprint();
            }
        }
        return "simulated-fingerprint-" + victimIndex + "-" + attack;
    }

    private static String setUp(Map<Feature, String> features) {
        return features.get(Feature.BROWSER) + "|" + features.get(Feature.OS) + "|" + features.get(Feature.DEVICE_TYPE);
    }
}
