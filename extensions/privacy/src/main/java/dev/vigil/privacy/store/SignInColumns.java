package dev.vigil.privacy.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;

/** Which column of VIGIL_SIGN_IN holds which feature; a sign-in written to its entity and read back from its row. */
final class SignInColumns {

    /** Each feature's column, in the order {@link #SELECTED} lists them after ID and AT. */
    private static final Map<Feature, String> FEATURES = featureColumns();

    /** The columns {@link #signIn(ResultSet)} reads, in its order. */
    static final String SELECTED = "ID, AT, " + String.join(", ", FEATURES.values())
            + ", LATITUDE, LONGITUDE, ACCURACY_KM, PLACE_LABEL, DEVICE_LABEL, RISK_LEVEL, RISK_SCORE, REASONS, OUTCOME";

    private SignInColumns() {
    }

    static void write(SignInEntity row, Map<Feature, String> features) {
        row.ipHash = features.get(Feature.IP);
        row.networkHash = features.get(Feature.NETWORK);
        row.asn = features.get(Feature.ASN);
        row.country = features.get(Feature.COUNTRY);
        row.cityHash = features.get(Feature.CITY);
        row.userAgentHash = features.get(Feature.USER_AGENT);
        row.browser = features.get(Feature.BROWSER);
        row.os = features.get(Feature.OS);
        row.deviceType = features.get(Feature.DEVICE_TYPE);
        row.fingerprintHash = features.get(Feature.FINGERPRINT);
        row.language = features.get(Feature.LANGUAGE);
        row.timeZone = features.get(Feature.TIME_ZONE);
    }

    /** The sign-in in the current row of a query that selected {@link #SELECTED}. */
    static SignIn signIn(ResultSet row) throws SQLException {
        int column = 1;
        String id = row.getString(column++);
        Instant at = Instant.ofEpochMilli(row.getLong(column++));
        Map<Feature, String> features = new EnumMap<>(Feature.class);
        for (Feature feature : FEATURES.keySet()) {
            String value = row.getString(column++);
            if (value != null) {
                features.put(feature, value);
            }
        }
        Double latitude = row.getObject(column++, Double.class);
        Double longitude = row.getObject(column++, Double.class);
        Integer accuracyKm = row.getObject(column++, Integer.class);
        String placeLabel = row.getString(column++);
        Place place = latitude == null && placeLabel == null ? null : new Place(latitude, longitude, accuracyKm, placeLabel);
        String deviceLabel = row.getString(column++);
        String riskLevel = row.getString(column++);
        Double riskScore = row.getObject(column++, Double.class);
        String reasons = row.getString(column++);
        return new SignIn(id, at, features, place, deviceLabel, riskLevel, riskScore, reasons(reasons),
                SignIn.Outcome.valueOf(row.getString(column)));
    }

    /** As stored: one reason per line. */
    static String reasons(List<String> reasons) {
        return reasons.isEmpty() ? null : String.join("\n", reasons);
    }

    private static List<String> reasons(String stored) {
        return stored == null ? List.of() : Arrays.asList(stored.split("\n"));
    }

    private static Map<Feature, String> featureColumns() {
        Map<Feature, String> columns = new EnumMap<>(Feature.class);
        columns.put(Feature.IP, "IP_HASH");
        columns.put(Feature.NETWORK, "NETWORK_HASH");
        columns.put(Feature.ASN, "ASN");
        columns.put(Feature.COUNTRY, "COUNTRY");
        columns.put(Feature.CITY, "CITY_HASH");
        columns.put(Feature.USER_AGENT, "USER_AGENT_HASH");
        columns.put(Feature.BROWSER, "BROWSER");
        columns.put(Feature.OS, "OS");
        columns.put(Feature.DEVICE_TYPE, "DEVICE_TYPE");
        columns.put(Feature.FINGERPRINT, "FINGERPRINT_HASH");
        columns.put(Feature.LANGUAGE, "LANGUAGE");
        columns.put(Feature.TIME_ZONE, "TIME_ZONE");
        return columns;
    }
}
