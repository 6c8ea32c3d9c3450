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
 * saw) with their own device: the fingerprint of another sampled user with the same set-up, the closest there is
 * (same browser, OS and device type in the same time zone with the same language, as a neighbour's: a fingerprint
 * hashes those too; else the same set-up anywhere; else the same OS), whatever it is, so that common set-ups collide
 * with the victim's as often as they do in the realm. They do not know the victim's hours: the attacks are spread over the day.
 */
final class TargetedAttacks {

    private static final Duration DAY = Duration.ofDays(1);

    /** What an attacker's device shares with the victim's, from the closest to the loosest. */
    private static final List<List<Feature>> RESEMBLANCES = List.of(
            List.of(Feature.BROWSER, Feature.OS, Feature.DEVICE_TYPE, Feature.TIME_ZONE, Feature.LANGUAGE),
            List.of(Feature.BROWSER, Feature.OS, Feature.DEVICE_TYPE),
            List.of(Feature.OS));

    /** Per resemblance, per shared values: the sampled users' latest fingerprints, with their user. */
    private final List<Map<List<String>, List<Lender>>> lenders = new ArrayList<>();
    private final int perUser;

    /** @param latestSignIns each sampled user's latest sign-in, the user's index its position */
    TargetedAttacks(List<SignIn> latestSignIns, int perUser) {
        this.perUser = perUser;
        RESEMBLANCES.forEach(resemblance -> lenders.add(new HashMap<>()));
        for (int user = 0; user < latestSignIns.size(); user++) {
            Map<Feature, String> features = latestSignIns.get(user).features();
            String fingerprint = features.get(Feature.FINGERPRINT);
            if (fingerprint != null) {
                for (int r = 0; r < RESEMBLANCES.size(); r++) {
                    lenders.get(r).computeIfAbsent(values(features, RESEMBLANCES.get(r)), key -> new ArrayList<>())
                            .add(new Lender(user, fingerprint));
                }
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
     * Another user's fingerprint of the closest set-up, else one never seen (the attacker's own machine); the a-th
     * attack borrows from the a-th other user after the victim.
     */
    private String attackersFingerprint(Map<Feature, String> victim, int victimIndex, int attack) {
        for (int r = 0; r < RESEMBLANCES.size(); r++) {
            List<Lender> others = lenders.get(r).getOrDefault(values(victim, RESEMBLANCES.get(r)), List.of()).stream()
                    .filter(lender -> lender.user() != victimIndex).toList();
            if (!others.isEmpty()) {
                int after = (int) others.stream().filter(lender -> lender.user() < victimIndex).count();
                return others.get((after + attack) % others.size()).fingerprint();
            }
        }
        return "simulated-fingerprint-" + victimIndex + "-" + attack;
    }

    /** The values of these features (null where unknown), as a key. */
    private static List<String> values(Map<Feature, String> features, List<Feature> resemblance) {
        List<String> values = new ArrayList<>(resemblance.size());
        resemblance.forEach(feature -> values.add(features.get(feature)));
        return values;
    }
}
