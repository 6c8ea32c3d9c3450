package dev.vigil.bench.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.bench.evaluation.Replay.Sample;
import dev.vigil.bench.synthetic.AttackerModel;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.model.RiskPolicy;

/**
 * The evaluation's figures at one checkpoint under one policy: per attacker model the share of attacks at
 * MEDIUM or above (stepped up or denied), and for legitimate users their own share of logins at MEDIUM or above
 * in the window after the checkpoint (re-authentication rate), its median and mean over users; and the shares
 * at HIGH (denied, or stepped up and notified).
 */
record Rates(int checkpoint, Map<AttackerModel, Double> attacksCaught, double medianReauthentication,
             double meanReauthentication, Map<AttackerModel, Double> attacksHigh, double legitimateHigh, int attacks,
             int users) {

    static Rates of(List<Sample> samples, int checkpoint, PolicySettings settings) {
        RiskPolicy policy = new RiskPolicy(settings);
        Map<AttackerModel, int[]> attacks = new EnumMap<>(AttackerModel.class);
        Map<Integer, int[]> perUser = new HashMap<>();
        Map<AttackerModel, int[]> high = new EnumMap<>(AttackerModel.class);
        int[] legitimateHigh = new int[2];
        int attackCount = 0;
        for (Sample sample : samples) {
            if (sample.checkpoint() != checkpoint) {
                continue;
            }
            RiskLevel level = policy.assess(sample.score(), sample.facts()).level();
            boolean stepped = level.compareTo(RiskLevel.MEDIUM) >= 0;
            int[] highCounts = sample.attacker() != null
                    ? high.computeIfAbsent(sample.attacker(), model -> new int[2]) : legitimateHigh;
            highCounts[0] += level == RiskLevel.HIGH ? 1 : 0;
            highCounts[1]++;
            int[] counts = sample.attacker() != null
                    ? attacks.computeIfAbsent(sample.attacker(), model -> new int[2])
                    : perUser.computeIfAbsent(sample.user(), user -> new int[2]);
            counts[0] += stepped ? 1 : 0;
            counts[1]++;
            attackCount += sample.attacker() != null ? 1 : 0;
        }
        Map<AttackerModel, Double> caught = shares(attacks);
        List<Double> userRates = new ArrayList<>();
        perUser.values().forEach(counts -> userRates.add(counts[0] / (double) counts[1]));
        userRates.sort(Double::compare);
        return new Rates(checkpoint, caught, median(userRates),
                userRates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), shares(high),
                legitimateHigh[0] / (double) legitimateHigh[1], attackCount, userRates.size());
    }

    private static Map<AttackerModel, Double> shares(Map<AttackerModel, int[]> counts) {
        Map<AttackerModel, Double> shares = new EnumMap<>(AttackerModel.class);
        counts.forEach((model, pair) -> shares.put(model, pair[0] / (double) pair[1]));
        return shares;
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
