package dev.vigil.otp.limits;

import java.time.Duration;

/**
 * The numbers behind {@link OtpLimits}.
 *
 * @param checksPerCode              codes a user may type per issued code (wrong ones, and the right one)
 * @param failuresPerUserPerHour     wrong codes per user per hour, across codes and sessions
 * @param resendCooldown             time between two sends to the same user; zero for none
 * @param sendsPerDestinationPerHour codes sent to one phone number or address per hour
 * @param sendsPerUserPerHour        codes sent for one user per hour, across destinations and sessions
 * @param sendsPerSession            codes sent in one authentication session (all its tabs), across destinations
 * @param sendsPerIpPerHour          codes sent per client network (IPv4 address, IPv6 /64) per hour
 * @param sendsPerRealmPerMinute     codes sent per realm per minute
 */
public record LimitSettings(int checksPerCode, int failuresPerUserPerHour, Duration resendCooldown,
                            int sendsPerDestinationPerHour, int sendsPerUserPerHour, int sendsPerSession,
                            int sendsPerIpPerHour, int sendsPerRealmPerMinute) {

    /**
     * The codes one user may have per hour: the setting, but never more than half the realm's budget of a minute, so
     * that one account can never use up the codes everyone else needs.
     */
    public int userShare() {
        return Math.min(sendsPerUserPerHour, Math.max(1, sendsPerRealmPerMinute / 2));
    }
}
