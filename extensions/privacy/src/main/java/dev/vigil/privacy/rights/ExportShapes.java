package dev.vigil.privacy.rights;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;
import dev.vigil.privacy.store.DeviceEntity;

/** The JSON shapes of devices and sign-ins in the export (schema in docs/privacy.md). */
final class ExportShapes {

    private ExportShapes() {
    }

    static Map<String, Object> device(DeviceEntity device) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", device.getId());
        json.put("key", device.getDeviceKey());
        json.put("label", device.getLabel());
        json.put("firstSeen", Instant.ofEpochMilli(device.getFirstSeen()).toString());
        json.put("lastSeen", Instant.ofEpochMilli(device.getLastSeen()).toString());
        return json;
    }

    static Map<String, Object> signIn(SignIn signIn, String deviceId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", signIn.id());
        json.put("at", signIn.at().toString());
        json.put("deviceId", deviceId);
        json.put("device", signIn.deviceLabel());
        json.put("place", signIn.place() == null ? null : signIn.place().label());
        json.put("coordinates", signIn.place() == null || signIn.place().latitude() == null ? null : coordinates(signIn.place()));
        Map<String, String> features = new TreeMap<>();
        signIn.features().forEach((feature, value) -> features.put(feature.name().toLowerCase(Locale.ROOT), value));
        json.put("features", features);
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("level", signIn.riskLevel());
        risk.put("score", signIn.riskScore());
        risk.put("reasons", signIn.reasons());
        json.put("risk", risk);
        json.put("outcome", signIn.outcome().name());
        return json;
    }

    private static Map<String, Object> coordinates(Place place) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("latitude", place.latitude());
        json.put("longitude", place.longitude());
        json.put("accuracyRadiusKm", place.accuracyRadiusKm());
        return json;
    }
}
