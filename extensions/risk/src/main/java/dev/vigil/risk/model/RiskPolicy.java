package dev.vigil.risk.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the model's {@link Score} and the request's {@link Facts} into a level, in this order:
 * <ol>
 *   <li>the score times the hour-of-day factor (to its weight) gives the final score, and the thresholds a level;</li>
 *   <li>fewer prior logins than the minimum: MEDIUM whatever the score, since the model knows too little;</li>
 *   <li>a trusted network and a known device each lower the level by their configured steps: a device is known by
 *       its remembered-device cookie or, without it, recognized by its fingerprint on a network it used before
 *       (the steps of the one that applies, not both);</li>
 *   <li>anonymizers, impossible travel and failed-login velocity raise it to at least their configured level;</li>
 *   <li>a deny-listed address is HIGH, whatever else.</li>
 * </ol>
 * Floors come after the lowering rules on purpose: a remembered device does not excuse a Tor exit.
 */
public final class RiskPolicy {

    private final PolicySettings settings;

    public RiskPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    public PolicySettings settings() {
        return settings;
    }

    public Assessment assess(Score score, Facts facts) {
        List<Reason> rules = new ArrayList<>();
        List<Reason> signals = signalReasons(score);

        double value = score.value();
        double hour = Math.pow(facts.hourFactor(), settings.hourOfDayWeight());
        if (hour != 1) {
            value *= hour;
            signals.add(new Reason(hour > 1 ? "unusual-hour" : "usual-hour", hour));
        }
        RiskLevel level = settings.levelOf(value);

        if (facts.priorLogins() < settings.minPriorLogins()) {
            level = RiskLevel.MEDIUM;
            rules.add(rule("few-logins"));
        }
        level = lowered(level, facts.trustedNetwork(), settings.trustedNetworkSteps(), "trusted-network", rules);
        if (facts.rememberedDevice()) {
            level = lowered(level, true, settings.rememberedDeviceSteps(), "remembered-device", rules);
        } else {
            level = lowered(level, facts.recognizedDevice(), settings.recognizedDeviceSteps(), "recognized-device", rules);
        }

        level = floor(level, facts.tor(), settings.torLevel(), "tor", rules);
        level = floor(level, facts.vpn(), settings.vpnLevel(), "vpn", rules);
        level = floor(level, facts.publicProxy(), settings.publicProxyLevel(), "public-proxy", rules);
        level = floor(level, facts.hosting(), settings.hostingLevel(), "hosting", rules);
        level = floor(level, facts.impossibleTravel(), settings.impossibleTravelLevel(), "impossible-travel", rules);
        level = floor(level, reached(facts.recentFailedLoginsUser(), settings.failedLoginsUserLimit()),
                settings.failedLoginsLevel(), "failed-logins-user", rules);
        level = floor(level, reached(facts.recentFailedLoginsIp(), settings.failedLoginsIpLimit()),
                settings.failedLoginsLevel(), "failed-logins-ip", rules);

        if (facts.denyListed()) {
            level = RiskLevel.HIGH;
            rules.add(0, rule("deny-list"));
        }

        signals.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        List<Reason> reasons = new ArrayList<>(rules);
        reasons.addAll(signals);
        return new Assessment(value, level, reasons);
    }

    /** Each contribution of the model as a reason: what was new to the user, or that the signal was known. */
    private static List<Reason> signalReasons(Score score) {
        List<Reason> reasons = new ArrayList<>(score.contributions().size() + 1);
        for (Contribution contribution : score.contributions()) {
            String code;
            if (contribution.novelty() != null) {
                code = contribution.novelty();
            } else if (ModelSettings.USER.equals(contribution.signal())) {
                code = "user-prior";
            } else {
                code = "known-" + contribution.signal();
            }
            reasons.add(new Reason(code, contribution.factor()));
        }
        return reasons;
    }

    private static RiskLevel lowered(RiskLevel level, boolean applies, int steps, String code, List<Reason> rules) {
        if (!applies || steps == 0) {
            return level;
        }
        rules.add(rule(code));
        return level.lowered(steps);
    }

    private static RiskLevel floor(RiskLevel level, boolean applies, RiskLevel floor, String code, List<Reason> rules) {
        if (!applies || floor == RiskLevel.LOW) {
            return level;
        }
        rules.add(rule(code));
        return level.atLeast(floor);
    }

    private static boolean reached(int count, int limit) {
        return limit > 0 && count >= limit;
    }

    private static Reason rule(String code) {
        return new Reason(code, 1);
    }
}
