package dev.vigil.bench.synthetic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.Observation;
import dev.vigil.risk.model.network.IpAddresses;

/**
 * One login attempt, in the columns of the public RBA dataset (Wiefling et al. 2022: timestamp, user id, IP,
 * country, region, city, ASN, user agent, browser, OS, device type, success), plus what Vigil also observes
 * (languages, GeoIP time zone and coordinates, the client-side fingerprint) and whether it is an attack.
 */
public record Login(Instant at, String userId, String ip, String country, String region, String city, long asn,
                    String userAgent, String browser, String os, String deviceType, boolean success,
                    String languages, String timeZone, String fingerprint, double latitude, double longitude,
                    int accuracyRadiusKm, boolean attack) {

    /** The CSV header, dataset columns first. */
    public static final String CSV_HEADER = "Login Timestamp,User ID,IP Address,Country,Region,City,ASN,"
            + "User Agent String,Browser Name and Version,OS Name and Version,Device Type,Login Successful,"
            + "Languages,Time Zone,Fingerprint,Latitude,Longitude,Accuracy Radius,Is Account Takeover";

    /**
     * The features as the server stores them: pseudonymized ones would be keyed hashes there, raw here, which
     * changes nothing since the model only compares them for equality.
     */
    public Observation observation() {
        Map<Feature, String> values = new EnumMap<>(Feature.class);
        values.put(Feature.IP, ip);
        values.put(Feature.NETWORK, IpAddresses.networkOf(address()));
        values.put(Feature.ASN, "AS" + asn);
        values.put(Feature.COUNTRY, country);
        values.put(Feature.CITY, city + ", " + country);
        values.put(Feature.USER_AGENT, userAgent);
        values.put(Feature.BROWSER, browser);
        values.put(Feature.OS, os);
        values.put(Feature.DEVICE_TYPE, deviceType);
        values.put(Feature.FINGERPRINT, fingerprint);
        values.put(Feature.LANGUAGE, languages.split(",")[0]);
        values.put(Feature.TIME_ZONE, timeZone);
        return new Observation(values);
    }

    /** Where GeoIP puts it. */
    public Place place() {
        return new Place(latitude, longitude, accuracyRadiusKm, city + ", " + country);
    }

    /** As the sign-in history returns it, for the hour-of-day statistics. */
    public SignIn signIn() {
        return new SignIn(null, at, observation().values(), place(), browser + " on " + os, null, null, List.of(),
                success ? SignIn.Outcome.ALLOWED : SignIn.Outcome.DENIED);
    }

    public String csv() {
        return String.join(",", at.toString(), userId, ip, country, region, quoted(city), Long.toString(asn),
                quoted(userAgent), quoted(browser), quoted(os), deviceType, Boolean.toString(success),
                quoted(languages), timeZone, fingerprint, Double.toString(latitude), Double.toString(longitude),
                Integer.toString(accuracyRadiusKm), Boolean.toString(attack));
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(ip); // a literal: no DNS look-up
        } catch (UnknownHostException e) {
            throw new IllegalStateException("generated a bad address " + ip, e);
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
