package dev.vigil.risk.model;

import java.util.Objects;

/**
 * The rules {@link RiskPolicy} applies on top of the model's score. Report-only mode is not here: it is the
 * flow's business (score and record, then let the login through).
 *
 * @param mediumThreshold        final score at and above which a login is MEDIUM
 * @param highThreshold          final score at and above which a login is HIGH
 * @param minPriorLogins         below this many prior logins the model knows too little: MEDIUM, unless a rule
 *                               lowers or raises it
 * @param torLevel               the least level of a login from a Tor exit (LOW: no rule)
 * @param vpnLevel               the least level of a login from a VPN exit
 * @param publicProxyLevel       the least level of a login from a public proxy
 * @param hostingLevel           the least level of a login from a hosting provider
 * @param impossibleTravelLevel  the least level of a login after impossible travel
 * @param trustedNetworkSteps    levels a trusted network lowers the login by (0: no effect)
 * @param rememberedDeviceSteps  levels a remembered device lowers the login by (0: no effect)
 * @param recognizedDeviceSteps  levels a device recognized without its cookie (its fingerprint on a network it used
 *                               before, {@link RecognizedDevice}) lowers the login by, when it showed no cookie
 * @param hourOfDayWeight        exponent of the hour-of-day factor in the score (0: hour ignored)
 * @param failedLoginsUserLimit  recent failed logins of the user from which {@code failedLoginsLevel} applies (0: off)
 * @param failedLoginsIpLimit    recent failed logins from the address from which {@code failedLoginsLevel} applies (0: off)
 * @param failedLoginsLevel      the least level once a failed-login limit is reached
 */
public record PolicySettings(double mediumThreshold, double highThreshold, int minPriorLogins,
                             RiskLevel torLevel, RiskLevel vpnLevel, RiskLevel publicProxyLevel, RiskLevel hostingLevel,
                             RiskLevel impossibleTravelLevel, int trustedNetworkSteps, int rememberedDeviceSteps,
                             int recognizedDeviceSteps, double hourOfDayWeight, int failedLoginsUserLimit, int failedLoginsIpLimit,
                             RiskLevel failedLoginsLevel) {

    public PolicySettings {
        if (!(mediumThreshold > 0) || !(highThreshold >= mediumThreshold) || Double.isInfinite(highThreshold)) {
            throw new IllegalArgumentException("thresholds must be finite with 0 < medium <= high, not medium "
                    + mediumThreshold + " and high " + highThreshold);
        }
        requireNotNegative("minimum prior logins", minPriorLogins);
        requireNotNegative("trusted network steps", trustedNetworkSteps);
        requireNotNegative("remembered device steps", rememberedDeviceSteps);
        requireNotNegative("recognized device steps", recognizedDeviceSteps);
        requireNotNegative("failed logins per user", failedLoginsUserLimit);
        requireNotNegative("failed logins per address", failedLoginsIpLimit);
        if (!(hourOfDayWeight >= 0) || Double.isInfinite(hourOfDayWeight)) {
            throw new IllegalArgumentException("hour-of-day weight must be a finite number >= 0, not " + hourOfDayWeight);
        }
        Objects.requireNonNull(torLevel, "torLevel");
        Objects.requireNonNull(vpnLevel, "vpnLevel");
        Objects.requireNonNull(publicProxyLevel, "publicProxyLevel");
        Objects.requireNonNull(hostingLevel, "hostingLevel");
        Objects.requireNonNull(impossibleTravelLevel, "impossibleTravelLevel");
        Objects.requireNonNull(failedLoginsLevel, "failedLoginsLevel");
    }

    /**
     * The server's defaults, from the evaluation benchmark with remembered-device cookies (see docs/risk-model.md).
     * MEDIUM from 5e-6: 99% of targeted attacks stepped up after 12 and 40 logins, while a remembered device (one
     * step lower) keeps the median legitimate user at or under one step-up in ten logins, when one login in ten is
     * made without the cookie. HIGH from 10, where an attack is ten times likelier than the user: about one
     * legitimate login in 5,000 to 10,000 there, against three in four naive attacks.
     */
    public static PolicySettings defaults() {
        return new PolicySettings(5e-6, 10, 3,
                RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.MEDIUM,
                RiskLevel.MEDIUM, 1, 1, 1,
                1, 5, 20, RiskLevel.MEDIUM);
    }

    /** These settings with other thresholds. */
    public PolicySettings withThresholds(double medium, double high) {
        return new PolicySettings(medium, high, minPriorLogins, torLevel, vpnLevel, publicProxyLevel, hostingLevel,
                impossibleTravelLevel, trustedNetworkSteps, rememberedDeviceSteps, recognizedDeviceSteps,
                hourOfDayWeight, failedLoginsUserLimit, failedLoginsIpLimit, failedLoginsLevel);
    }

    /** These settings with other steps for a remembered device (cookie) and a device recognized without it. */
    public PolicySettings withDeviceSteps(int remembered, int recognized) {
        return new PolicySettings(mediumThreshold, highThreshold, minPriorLogins, torLevel, vpnLevel, publicProxyLevel,
                hostingLevel, impossibleTravelLevel, trustedNetworkSteps, remembered, recognized, hourOfDayWeight,
                failedLoginsUserLimit, failedLoginsIpLimit, failedLoginsLevel);
    }

    /** These settings with another weight for the hour of day. */
    public PolicySettings withHourOfDayWeight(double weight) {
        return new PolicySettings(mediumThreshold, highThreshold, minPriorLogins, torLevel, vpnLevel, publicProxyLevel,
                hostingLevel, impossibleTravelLevel, trustedNetworkSteps, rememberedDeviceSteps, recognizedDeviceSteps,
                weight,
                failedLoginsUserLimit, failedLoginsIpLimit, failedLoginsLevel);
    }

    /** The level a final score falls in. */
    public RiskLevel levelOf(double score) {
        if (score >= highThreshold) {
            return RiskLevel.HIGH;
        }
        return score >= mediumThreshold ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    private static void requireNotNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, not " + value);
        }
    }
}
