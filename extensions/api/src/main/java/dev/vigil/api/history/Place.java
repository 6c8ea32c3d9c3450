package dev.vigil.api.history;

/**
 * Where a sign-in came from, as precise as the realm allows (city centre from GeoIP, never a street).
 *
 * @param latitude         degrees, or null when only the country is kept
 * @param longitude        degrees, or null when only the country is kept
 * @param accuracyRadiusKm GeoIP's accuracy radius, or null
 * @param label            what a person reads, e.g. "near Lyon, FR"
 */
public record Place(Double latitude, Double longitude, Integer accuracyRadiusKm, String label) {

    /** Longest label a store keeps (and a person reads). */
    public static final int MAX_LABEL = 128;

    public Place {
        label = boundedLabel(label);
    }

    /** A place or device label cut to {@link #MAX_LABEL}, the size of the columns that keep labels. */
    public static String boundedLabel(String label) {
        return label == null || label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL);
    }
}
