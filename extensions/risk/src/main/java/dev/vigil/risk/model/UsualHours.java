package dev.vigil.risk.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;

/**
 * The hours at which a user usually signs in, learnt from their history by circular statistics: a von Mises
 * kernel density on the 24-hour circle (so 23:30 and 00:30 are an hour apart, not 23), in the user's usual time
 * zone (their most frequent {@link Feature#TIME_ZONE}; UTC when none is known), so summer time moves nothing.
 * <p>
 * The {@link #factor} of a login is the likelihood ratio of its hour, uniform over a day for an attacker versus
 * the user's density, shrunk towards 1 by a prior of {@code priorLogins} uniformly spread logins:
 * <pre>
 *   factor(h) = 1 / [ (n r(h) + a) / (n + a) ],   r(h) = (1/n) Σ<sub>i</sub> exp(κ cos(2π (h - h<sub>i</sub>) / 24)) / I<sub>0</sub>(κ)
 * </pre>
 * where r is the density relative to the uniform 1/24, n the logins and a the prior. An empty history gives 1.
 * With κ = 4 (about two hours either side) a login at the user's only hour gets about 0.2, one twelve hours away
 * up to (n + a) / a.
 */
public final class UsualHours {

    /** Concentration of each login's kernel: an angular spread of about 1/sqrt(κ) radians, near two hours. */
    public static final double DEFAULT_CONCENTRATION = 4;
    /** Uniformly spread pseudo-logins that keep a short history from deciding too much. */
    public static final double DEFAULT_PRIOR_LOGINS = 2;

    private static final double RADIANS_PER_HOUR = 2 * Math.PI / 24;
    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final double[] hours;
    private final double concentration;
    private final double priorLogins;
    private final double besselI0;

    private UsualHours(ZoneId zone, double[] hours, double concentration, double priorLogins) {
        if (!(concentration > 0) || Double.isInfinite(concentration) || concentration > 500) {
            throw new IllegalArgumentException("concentration must be > 0 and at most 500, not " + concentration);
        }
        if (!(priorLogins > 0) || Double.isInfinite(priorLogins)) {
            throw new IllegalArgumentException("prior logins must be a finite number > 0, not " + priorLogins);
        }
        this.zone = zone;
        this.hours = hours;
        this.concentration = concentration;
        this.priorLogins = priorLogins;
        this.besselI0 = besselI0(concentration);
    }

    /** Learns from the successful sign-ins of a history, with the default concentration and prior. */
    public static UsualHours learn(List<SignIn> history) {
        return learn(history, DEFAULT_CONCENTRATION, DEFAULT_PRIOR_LOGINS);
    }

    public static UsualHours learn(List<SignIn> history, double concentration, double priorLogins) {
        List<SignIn> successful = history.stream().filter(CountingHistory::successful).toList();
        ZoneId zone = usualZone(successful);
        double[] hours = new double[successful.size()];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = hourOfDay(successful.get(i).at(), zone);
        }
        return new UsualHours(zone, hours, concentration, priorLogins);
    }

    /** The time zone the hours are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The hour-of-day factor of a login at this instant: below 1 usual for the user, above 1 unusual. */
    public double factor(Instant at) {
        if (hours.length == 0) {
            return 1;
        }
        double hour = hourOfDay(at, zone);
        double kernels = 0;
        for (double usual : hours) {
            kernels += Math.exp(concentration * Math.cos(RADIANS_PER_HOUR * (hour - usual)));
        }
        double relativeDensity = kernels / (hours.length * besselI0);
        double shrunk = (hours.length * relativeDensity + priorLogins) / (hours.length + priorLogins);
        return 1 / shrunk;
    }

    /** The hour of the day at this instant in the zone, with minutes as a fraction: 23:30 is 23.5. */
    public static double hourOfDay(Instant at, ZoneId zone) {
        long localSeconds = at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
        return Math.floorMod(localSeconds, SECONDS_PER_DAY) / 3600.0;
    }

    /** The most frequent valid time zone of the history, UTC when there is none. */
    static ZoneId usualZone(List<SignIn> history) {
        Map<String, Integer> counts = new HashMap<>();
        for (SignIn signIn : history) {
            String zone = signIn.features().get(Feature.TIME_ZONE);
            if (zone != null) {
                counts.merge(zone, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .filter(entry -> valid(entry.getKey()))
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> ZoneId.of(entry.getKey()))
                .orElse(ZoneOffset.UTC);
    }

    private static boolean valid(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 500 && term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
