package dev.vigil.otp.limits;

import java.time.Duration;

/**
 * The numbers behind {@link OtpLimits}.
 *
 * @param checksPerCode              codes a user may type per issued code (wrong ones, and the right one)
 * @param failuresPerUserPerHour     wrong codes per user per hour, across codes and sessions
 * @param resendCooldown             time between two sends to the same user; zero for none
 * @param sendsPerDestinationPerHour codes sent to one phone number or address per hour
 * @param sendsPerIpPerHour          codes sent per client IP address per hour
 * @param sendsPerRealmPerMinute     codes sent per realm per minute
 */
public record LimitSettings(int checksPerCode, int failuresPerUserPerHour, Duration resendCooldown,
                            int sendsPerDestinationPerHour, int sendsPerIpPerHour, int sendsPerRealmPerMinute) {
}
