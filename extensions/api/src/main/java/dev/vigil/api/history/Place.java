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
}
