package dev.vigil.bench.seed;

import java.util.List;

import dev.vigil.api.history.Feature;

/** VIGIL_SIGN_IN's columns as the privacy store's SignInEntity maps them. */
final class SignInTable {

    static final String COLUMNS = "id, realm_id, user_id, device_id, at, ip_hash, network_hash, asn, country, city_hash,"
            + " user_agent_hash, browser, os, device_type, fingerprint_hash, language, time_zone, latitude, longitude,"
            + " accuracy_km, place_label, device_label, risk_level, risk_score, reasons, outcome";
    /** Each feature's column, in the order of {@link #COLUMNS} (ip_hash to time_zone). */
    static final List<String> FEATURE_COLUMNS = List.of("ip_hash", "network_hash", "asn", "country", "city_hash",
            "user_agent_hash", "browser", "os", "device_type", "fingerprint_hash", "language", "time_zone");
    static final List<Feature> FEATURES = List.of(Feature.IP, Feature.NETWORK, Feature.ASN, Feature.COUNTRY,
            Feature.CITY, Feature.USER_AGENT, Feature.BROWSER, Feature.OS, Feature.DEVICE_TYPE, Feature.FINGERPRINT,
            Feature.LANGUAGE, Feature.TIME_ZONE);

    private SignInTable() {
    }
}
