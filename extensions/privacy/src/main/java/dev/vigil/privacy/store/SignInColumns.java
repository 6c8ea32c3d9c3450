package dev.vigil.privacy.store;

import java.util.Map;

import dev.vigil.api.history.Feature;

/** Which column of VIGIL_SIGN_IN holds which feature. */
final class SignInColumns {

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

    static void read(SignInEntity row, Map<Feature, String> features) {
        putIfPresent(features, Feature.IP, row.ipHash);
        putIfPresent(features, Feature.NETWORK, row.networkHash);
        putIfPresent(features, Feature.ASN, row.asn);
        putIfPresent(features, Feature.COUNTRY, row.country);
        putIfPresent(features, Feature.CITY, row.cityHash);
        putIfPresent(features, Feature.USER_AGENT, row.userAgentHash);
        putIfPresent(features, Feature.BROWSER, row.browser);
        putIfPresent(features, Feature.OS, row.os);
        putIfPresent(features, Feature.DEVICE_TYPE, row.deviceType);
        putIfPresent(features, Feature.FINGERPRINT, row.fingerprintHash);
        putIfPresent(features, Feature.LANGUAGE, row.language);
        putIfPresent(features, Feature.TIME_ZONE, row.timeZone);
    }

    private static void putIfPresent(Map<Feature, String> features, Feature feature, String value) {
        if (value != null) {
            features.put(feature, value);
        }
    }
}
