package dev.vigil.risk.geoip;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * geoipupdate replaces the database files while the server runs, by writing a new file and renaming it over the
 * old one; the provider answers from the new file from the first lookup after its check interval, without a
 * restart and without a failed lookup.
 */
class GeoIpFileReplacementTest {

    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(60);
    private static final InetAddress LONDON = ip("81.2.69.142");      // in CITY only
    private static final InetAddress CHATHAM = ip("74.209.24.1");     // in ENTERPRISE only
    private static final InetAddress LINKOPING = ip("89.160.20.112"); // in both

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final MaxMindGeoIpProviderFactory factory = new MaxMindGeoIpProviderFactory(clock);

    @AfterEach
    void closeFactory() {
        factory.close();
    }

    private Path cityFile() {
        return dir.resolve("GeoIP2-City.mmdb");
    }

    private GeoIpProvider start(Map<String, String> options) {
        factory.init(new MapScope(options));
        return factory.create(null);
    }

    private GeoIpProvider startWith(String database, String answerCacheSize) {
        replaceWith(Path.of(database));
        return start(Map.of("city-database", cityFile().toString(),
                "file-check-interval", String.valueOf(CHECK_INTERVAL.toSeconds()),
                "answer-cache-size", answerCacheSize));
    }

    private GeoIpProvider startWith(String database) {
        return startWith(database, "50000");
    }

    /** As geoipupdate does: the new file written next to the old one, then renamed over it. */
    private void replaceWith(Path source) {
        try {
            Path temp = Files.createTempFile(dir, "GeoIP2-City", ".mmdb.tmp");
            Files.copy(source, temp, REPLACE_EXISTING);
            Files.move(temp, cityFile(), ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> city(GeoIpProvider geoIp, InetAddress address) {
        return geoIp.locate(address).map(GeoLocation::city);
    }

    @Test
    void answersFromTheReplacementFromTheFirstLookupAfterTheCheckInterval() {
        GeoIpProvider geoIp = startWith(GeoIpTestDatabases.CITY);
        assertThat(city(geoIp, LONDON)).contains("London");
        assertThat(city(geoIp, CHATHAM)).isEmpty();

        replaceWith(Path.of(GeoIpTestDatabases.ENTERPRISE));
        clock.advance(CHECK_INTERVAL.minusSeconds(1));
        assertThat(city(geoIp, CHATHAM)).as("before the check is due").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(city(geoIp, CHATHAM)).contains("Chatham");
        assertThat(city(geoIp, LONDON)).as("no answer of the replaced file is kept").isEmpty();
        assertThat(factory.getOperationalInfo().get("city")).startsWith("GeoIP2-Enterprise, built ");
    }

    @Test
    void neverLooksAtTheFileAgainWithACheckIntervalOfZero() {
        replaceWith(Path.of(GeoIpTestDatabases.CITY));
        GeoIpProvider geoIp = start(Map.of("city-database", cityFile().toString(), "file-check-interval", "0"));

        replaceWith(Path.of(GeoIpTestDatabases.ENTERPRISE));
        clock.advance(Duration.ofDays(7));

        assertThat(city(geoIp, CHATHAM)).isEmpty();
        assertThat(city(geoIp, LONDON)).contains("London");
    }

    /** Unset, or not a whole number of at least 0 (which is logged): the default. */
    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "soon"})
    void checksEveryMinuteByDefault(String interval) {
        replaceWith(Path.of(GeoIpTestDatabases.CITY));
        GeoIpProvider geoIp;
        try (CapturedWarnings warnings = new CapturedWarnings(MaxMindSettings.class)) {
            geoIp = start(Map.of("city-database", cityFile().toString(), "file-check-interval", interval));
            assertThat(warnings.messages()).hasSize(interval.isEmpty() ? 0 : 1).allSatisfy(message -> assertThat(message)
                    .isEqualTo("GeoIP option spi-vigil-geoip--maxmind--file-check-interval=" + interval
                            + " is not a whole number of at least 0: using 60"));
        }

        replaceWith(Path.of(GeoIpTestDatabases.ENTERPRISE));
        clock.advance(Duration.ofSeconds(59));
        assertThat(city(geoIp, CHATHAM)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(city(geoIp, CHATHAM)).contains("Chatham");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a database", "another database type", "a truncated download"})
    void keepsAnsweringFromThePreviousFileWhenTheReplacementIsUnusable(String unusable) throws IOException {
        GeoIpProvider geoIp = startWith(GeoIpTestDatabases.CITY);
        Path replacement = switch (unusable) {
            case "not a database" -> GeoIpTestDatabases.DIR.resolve("README.md");
            case "another database type" -> Path.of(GeoIpTestDatabases.ASN);
            default -> {
                byte[] city = Files.readAllBytes(Path.of(GeoIpTestDatabases.CITY));
                yield Files.write(dir.resolve("truncated.mmdb"), Arrays.copyOf(city, city.length / 2));
            }
        };
        try (CapturedWarnings warnings = new CapturedWarnings(WatchedDatabase.class)) {
            replaceWith(replacement);
            for (int check = 0; check < 3; check++) {
                clock.advance(CHECK_INTERVAL);
                assertThat(city(geoIp, LONDON)).contains("London");
                assertThat(city(geoIp, LINKOPING)).contains("Linköping");
            }

            assertThat(warnings.messages()).as("one warning for the one replacement").singleElement()
                    .satisfies(message -> assertThat(message).contains("GeoIP city database at " + cityFile(),
                            "replaced by an unusable file", "still answering from the previous one"));
        }
        assertThat(factory.getOperationalInfo())
                .hasEntrySatisfying("city", state -> assertThat(state).startsWith("GeoIP2-City, built "))
                .hasEntrySatisfying("city-warning", warning -> assertThat(warning)
                        .contains("its replacement was refused (").contains("still answering from the previous file"));
    }

    @Test
    void takesTheNextGoodReplacementAfterAnUnusableOne() {
        GeoIpProvider geoIp = startWith(GeoIpTestDatabases.CITY);
        replaceWith(Path.of(GeoIpTestDatabases.ASN));
        clock.advance(CHECK_INTERVAL);
        assertThat(city(geoIp, LONDON)).contains("London");

        replaceWith(Path.of(GeoIpTestDatabases.ENTERPRISE));
        clock.advance(CHECK_INTERVAL);

        assertThat(city(geoIp, CHATHAM)).contains("Chatham");
        assertThat(factory.getOperationalInfo()).doesNotContainKey("city-warning");
    }

    @Test
    void keepsAnsweringWhenTheFileIsRemoved() throws IOException {
        GeoIpProvider geoIp = startWith(GeoIpTestDatabases.CITY);

        Files.delete(cityFile());
        clock.advance(CHECK_INTERVAL);

        assertThat(city(geoIp, LONDON)).contains("London");
        assertThat(factory.getOperationalInfo().get("city-warning")).contains("no such file");
    }

    @Test
    void opensAFileThatAppearsAfterStart() {
        GeoIpProvider geoIp = start(Map.of("city-database", cityFile().toString()));
        assertThat(factory.getOperationalInfo().get("city")).startsWith("unavailable: no such file");
        assertThat(city(geoIp, LONDON)).isEmpty();

        replaceWith(Path.of(GeoIpTestDatabases.CITY));
        clock.advance(Duration.ofSeconds(MaxMindSettings.DEFAULT_FILE_CHECK_SECONDS));

        assertThat(city(geoIp, LONDON)).contains("London");
        assertThat(factory.getOperationalInfo().get("city")).startsWith("GeoIP2-City, built ");
    }

    /** With and without the answer cache, so that lookups also reach the readers while they are swapped. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "50000"})
    void noLookupFailsWhileTheFileIsReplacedAgainAndAgain(String answerCacheSize) throws Exception {
        GeoIpProvider geoIp = startWith(GeoIpTestDatabases.CITY, answerCacheSize);
        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService lookers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> loops = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                loops.add(lookers.submit(() -> {
                    long lookups = 0;
                    while (swapping.get()) {
                        assertThat(city(geoIp, LINKOPING)).contains("Linköping");
                        lookups++;
                    }
                    return lookups;
                }));
            }

            for (int swap = 1; swap <= 50; swap++) {
                String next = swap % 2 == 1 ? GeoIpTestDatabases.ENTERPRISE : GeoIpTestDatabases.CITY;
                String expectedType = swap % 2 == 1 ? "GeoIP2-Enterprise" : "GeoIP2-City";
                replaceWith(Path.of(next));
                clock.advance(CHECK_INTERVAL);
                awaitType(geoIp, expectedType);
            }
            swapping.set(false);

            for (Future<Long> loop : loops) {
                assertThat(loop.get(10, TimeUnit.SECONDS)).as("lookups of one thread").isPositive();
            }
        } finally {
            swapping.set(false);
            lookers.shutdownNow();
        }
    }

    /** Looks up until one of the lookups (this one or a concurrent one) has opened the new file. */
    private void awaitType(GeoIpProvider geoIp, String type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!factory.getOperationalInfo().get("city").startsWith(type + ",")) {
            assertThat(System.nanoTime()).as("%s opened within 10 s", type).isLessThan(deadline);
            geoIp.locate(LINKOPING);
            Thread.onSpinWait();
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
