package dev.vigil.risk.model;

import java.time.Duration;
import java.time.Instant;

import dev.vigil.api.history.Place;

/**
 * Whether a user could have travelled from the last successful login's place to this one in the time between:
 * the great-circle (haversine) distance, less both places' GeoIP accuracy radii, over the elapsed time.
 * Distances within the two radii are ignored (the two places may be the same); an unknown place is never flagged.
 */
public final class ImpossibleTravel {

    /** An airliner's cruising speed: faster than this, nobody travelled. */
    public static final double DEFAULT_MAX_SPEED_KMH = 900;

    /** Mean Earth radius (IUGG), the usual sphere for great-circle distances. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private final double maxSpeedKmh;

    public ImpossibleTravel(double maxSpeedKmh) {
        if (!(maxSpeedKmh > 0) || Double.isInfinite(maxSpeedKmh)) {
            throw new IllegalArgumentException("travel speed must be a finite number of km/h > 0, not " + maxSpeedKmh);
        }
        this.maxSpeedKmh = maxSpeedKmh;
    }

    /** Compares the previous place and time with this login's. */
    public Verdict check(Place from, Instant fromAt, Place to, Instant toAt) {
        if (!located(from) || !located(to) || fromAt == null || toAt == null) {
            return Verdict.UNKNOWN;
        }
        double distance = distanceKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        double beyondRadii = Math.max(0, distance - radius(from) - radius(to));
        if (beyondRadii == 0) {
            return new Verdict(false, distance, 0);
        }
        double hours = Duration.between(fromAt, toAt).abs().toMillis() / 3_600_000.0;
        double speed = hours == 0 ? Double.POSITIVE_INFINITY : beyondRadii / hours;
        return new Verdict(speed > maxSpeedKmh, distance, speed);
    }

    /** Great-circle distance by the haversine formula, in km. */
    public static double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double halfDeltaPhi = (phi2 - phi1) / 2;
        double halfDeltaLambda = Math.toRadians(longitude2 - longitude1) / 2;
        double a = Math.sin(halfDeltaPhi) * Math.sin(halfDeltaPhi)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(halfDeltaLambda) * Math.sin(halfDeltaLambda);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static boolean located(Place place) {
        return place != null && place.latitude() != null && place.longitude() != null;
    }

    private static double radius(Place place) {
        return place.accuracyRadiusKm() == null ? 0 : Math.max(0, place.accuracyRadiusKm());
    }

    /**
     * @param impossible  whether the speed needed is above the limit
     * @param distanceKm  great-circle distance between the two places' coordinates, NaN when unknown
     * @param speedKmh    the speed needed to cover the distance beyond the accuracy radii, NaN when unknown,
     *                    infinite when no time passed
     */
    public record Verdict(boolean impossible, double distanceKm, double speedKmh) {
        static final Verdict UNKNOWN = new Verdict(false, Double.NaN, Double.NaN);
    }
}
