package dev.vigil.it;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.ItConfig;
import dev.vigil.it.support.VigilServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * geoipupdate replaces the database files weekly while Vigil runs. A server of its own (the shared one must keep
 * its databases) reads its City database from a copy of MaxMind's City test database, checked every second:
 * once the copy is replaced as geoipupdate does, by renaming a new file over it, the server answers from the new
 * file without a restart. Its server info also warns that the test databases, built on 2026-02-04, are older
 * than 30 days.
 */
class GeoIpReloadIT {

    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void answersFromAReplacedCityDatabaseWithoutARestartAndWarnsOfItsAge() throws Exception {
        Path city = dir.resolve("GeoIP2-City.mmdb");
        Files.copy(ItConfig.geoIpDir().resolve("GeoIP2-City-Test.mmdb"), city);

        try (VigilServer server = VigilServer.withGeoIpCity("geoip-reload", city, CHECK_INTERVAL).start()) {
            AdminApi admin = new AdminApi(server);
            assertThat(maxmind(admin).path("city").asText()).isEqualTo("GeoIP2-City, built 2026-02-04");
            assertThat(maxmind(admin).path("city-warning").asText())
                    .startsWith("built 2026-02-04, ").contains("older than 30 days");

            Path download = Files.copy(ItConfig.geoIpDir().resolve("GeoIP2-Enterprise-Test.mmdb"),
                    dir.resolve("GeoIP2-City.mmdb.download"));
            Files.move(download, city, ATOMIC_MOVE, REPLACE_EXISTING);

            // The server checks the file at most once per interval: poll its server info, briefly.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!cityState(admin).startsWith("GeoIP2-Enterprise") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(cityState(admin)).isEqualTo("GeoIP2-Enterprise, built 2026-05-29");
            assertThat(server.logText()).contains("GeoIP city database reloaded from " + city
                    + ": GeoIP2-Enterprise, built 2026-05-29");
        }
    }

    private static String cityState(AdminApi admin) {
        return maxmind(admin).path("city").asText();
    }

    private static JsonNode maxmind(AdminApi admin) {
        JsonNode maxmind = admin.get("/serverinfo").path("providers").path("vigil-geoip").path("providers")
                .path("maxmind").path("operationalInfo");
        assertThat(maxmind.isMissingNode()).as("vigil-geoip/maxmind in serverinfo").isFalse();
        return maxmind;
    }
}
