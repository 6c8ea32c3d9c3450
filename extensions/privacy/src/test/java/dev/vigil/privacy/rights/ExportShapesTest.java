package dev.vigil.privacy.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.api.history.SignIn;
import org.junit.jupiter.api.Test;

class ExportShapesTest {

    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aSignInShowsEveryStoredValueItsDeviceAndItsCoordinates() {
        SignIn stored = new SignIn("s-1", AT, Map.of(Feature.COUNTRY, "SE", Feature.IP, "ip-hash"),
                new Place(58.4167, 15.6167, 100, "near Linköping, SE"), "Firefox on Linux (desktop)",
                "MEDIUM", 0.6, List.of("new device", "few-logins"), SignIn.Outcome.STEPPED_UP);

        Map<String, Object> json = ExportShapes.signIn(stored, "d-1");

        assertThat(json).containsEntry("id", "s-1").containsEntry("at", "2026-11-22T08:00:00Z")
                .containsEntry("deviceId", "d-1").containsEntry("device", "Firefox on Linux (desktop)")
                .containsEntry("place", "near Linköping, SE").containsEntry("outcome", "STEPPED_UP")
                .containsEntry("features", Map.of("country", "SE", "ip", "ip-hash"))
                .containsEntry("coordinates", Map.of("latitude", 58.4167, "longitude", 15.6167, "accuracyRadiusKm", 100))
                .containsEntry("risk", Map.of("level", "MEDIUM", "score", 0.6, "reasons", List.of("new device", "few-logins")));
    }

    @Test
    void aPlaceKeptWithoutCoordinatesShowsNone() {
        SignIn countryOnly = new SignIn("s-2", AT, Map.of(), new Place(null, null, null, "in SE"), null,
                null, null, List.of(), SignIn.Outcome.ALLOWED);

        Map<String, Object> json = ExportShapes.signIn(countryOnly, null);

        assertThat(json).containsEntry("place", "in SE").containsEntry("coordinates", null).containsEntry("deviceId", null);
    }
}
