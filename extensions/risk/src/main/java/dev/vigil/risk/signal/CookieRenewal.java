package dev.vigil.risk.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a remembered-device cookie is re-issued: once a thirtieth of its lifetime has passed since it was issued
 * (a day at the default 30 days), or if its issue time lies in the future. A device used at least that often keeps
 * its cookie; one left unused loses it between 29/30 and the whole of the lifetime after its last use.
 */
final class CookieRenewal {

    static final int RENEWALS_PER_LIFETIME = 30;

    private CookieRenewal() {
    }

    static boolean due(Instant issuedAt, Instant now, Duration lifetime) {
        Duration age = Duration.between(issuedAt, now);
        return age.isNegative() || age.compareTo(lifetime.dividedBy(RENEWALS_PER_LIFETIME)) >= 0;
    }
}
