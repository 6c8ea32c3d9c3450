package dev.vigil.risk.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.maxmind.geoip2.DatabaseReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MaxMind builds new databases weekly: one older than 30 days means its updates stopped, which admins must see. */
class GeoIpDatabaseAgeTest {

    private static final Instant CITY_BUILT = buildTime(GeoIpTestDatabases.CITY);
    private static final InetAddress ANY_ADDRESS = InetAddress.getLoopbackAddress();

    private MaxMindGeoIpProviderFactory factory;

    @AfterEach
    void closeFactory() {
        factory.close();
    }

    private MutableClock startAt(Instant now) {
        MutableClock clock = new MutableClock(now);
        factory = new MaxMindGeoIpProviderFactory(clock);
        factory.init(new MapScope(Map.of("city-database", GeoIpTestDatabases.CITY)));
        return clock;
    }

    @Test
    void warnsInServerInfoAndOnceInTheLogWhenStartedWithAnOlderDatabase() {
        try (CapturedWarnings warnings = new CapturedWarnings(WatchedDatabase.class)) {
            MutableClock clock = startAt(CITY_BUILT.plus(Duration.ofDays(31)));
            GeoIpProvider geoIp = factory.create(null);
            geoIp.locate(ANY_ADDRESS);
            clock.advance(Duration.ofHours(1)); // past file checks, which find the same file
            geoIp.locate(ANY_ADDRESS);

            assertThat(warnings.messages()).filteredOn(message -> message.startsWith("GeoIP city ")).singleElement().satisfies(message -> assertThat(message)
                    .contains("GeoIP city database at " + GeoIpTestDatabases.CITY, "31 days ago",
                            "older than 30 days"));
        }
        assertThat(factory.getOperationalInfo())
                .hasEntrySatisfying("city", state -> assertThat(state).startsWith("GeoIP2-City, built "))
                .hasEntrySatisfying("city-warning", warning -> assertThat(warning)
                        .startsWith("built " + CITY_BUILT.toString().substring(0, 10) + ", 31 days ago:")
                        .contains("older than 30 days", "geoipupdate"));
    }

    @Test
    void warnsOnceTheDatabaseTurnsOlderThan30DaysWhileTheServerRuns() {
        MutableClock clock = startAt(CITY_BUILT.plus(Duration.ofDays(30)));
        assertThat(factory.getOperationalInfo()).doesNotContainKey("city-warning");

        clock.advance(Duration.ofHours(1));

        assertThat(factory.getOperationalInfo().get("city-warning")).contains("30 days ago", "older than 30 days");
    }

    private static Instant buildTime(String database) {
        try (DatabaseReader reader = new DatabaseReader.Builder(new File(database)).build()) {
            return reader.metadata().buildTime();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
