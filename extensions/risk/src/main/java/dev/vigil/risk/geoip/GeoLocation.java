package dev.vigil.risk.geoip;

/**
 * Where an address is, as far as the database knows; any field may be null when the database has no value.
 *
 * @param countryIso       ISO 3166-1 alpha-2 country code
 * @param city             city name in English
 * @param accuracyRadiusKm radius around the coordinates the address is likely in
 * @param timeZone         IANA time zone id
 */
public record GeoLocation(String countryIso, String city, Double latitude, Double longitude,
                          Integer accuracyRadiusKm, String timeZone) {
}
