package dev.vigil.risk.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.provider.ProviderConfigProperty;

class MaxMindGeoIpProviderFactoryTest {

    /** A week after MaxMind built the test databases: fresh, so no age warning (GeoIpDatabaseAgeTest has those). */
    private final MaxMindGeoIpProviderFactory factory = new MaxMindGeoIpProviderFactory(
            Clock.fixed(Instant.parse("2026-02-11T00:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void closeFactory() {
        factory.close();
    }

    private GeoIpProvider initWith(Map<String, String> config) {
        factory.init(new MapScope(config));
        return factory.create(null);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Nested
    class GivenAllThreeDatabases {

        private final GeoIpProvider geoIp = initWith(Map.of(
                "city-database", GeoIpTestDatabases.CITY,
                "asn-database", GeoIpTestDatabases.ASN,
                "anonymous-ip-database", GeoIpTestDatabases.ANONYMOUS_IP));

        @Test
        void locatesLondon() {
            assertThat(geoIp.locate(ip("81.2.69.142"))).hasValueSatisfying(location -> {
                assertThat(location.countryIso()).isEqualTo("GB");
                assertThat(location.city()).isEqualTo("London");
                assertThat(location.accuracyRadiusKm()).isEqualTo(10);
                assertThat(location.timeZone()).isEqualTo("Europe/London");
                assertThat(location.latitude()).isEqualTo(51.5142);
                assertThat(location.longitude()).isEqualTo(-0.0931);
            });
        }

        @Test
        void locatesMilton() {
            assertThat(geoIp.locate(ip("216.160.83.56"))).hasValueSatisfying(location -> {
                assertThat(location.countryIso()).isEqualTo("US");
                assertThat(location.city()).isEqualTo("Milton");
                assertThat(location.timeZone()).isEqualTo("America/Los_Angeles");
            });
        }

        @Test
        void locatesChangchun() {
            assertThat(geoIp.locate(ip("175.16.199.1"))).hasValueSatisfying(location -> {
                assertThat(location.countryIso()).isEqualTo("CN");
                assertThat(location.city()).isEqualTo("Changchun");
            });
        }

        @Test
        void locatesAnIpv6AddressKnownOnlyToCountryLevel() {
            // 2001:218::/32 in GeoIP2-City-Test.json: Japan, no city.
            assertThat(geoIp.locate(ip("2001:218::1"))).contains(
                    new GeoLocation("JP", null, 35.68536, 139.75309, 100, "Asia/Tokyo"));
        }

        @Test
        void findsTheNetworkOwner() {
            assertThat(geoIp.networkOwner(ip("1.0.0.1"))).contains(new NetworkOwner(15169, "Google Inc."));
        }

        @Test
        void flagsAVpnThatIsAlsoATorExit() {
            assertThat(geoIp.anonymizer(ip("1.124.213.1")))
                    .contains(new AnonymizerFlags(true, true, true, false, false, false));
        }

        @Test
        void flagsAPublicProxy() {
            assertThat(geoIp.anonymizer(ip("186.30.236.1")))
                    .contains(new AnonymizerFlags(true, false, false, true, false, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.1", "127.0.0.1", "::1"})
        void answersUnknownForAnAddressInNoDatabase(String address) {
            assertThat(geoIp.locate(ip(address))).isEmpty();
            assertThat(geoIp.networkOwner(ip(address))).isEmpty();
            assertThat(geoIp.anonymizer(ip(address))).isEmpty();
        }

        @Test
        void answersUnknownForNoAddress() {
            assertThat(geoIp.locate(null)).isEmpty();
        }

        @Test
        void answersUnknownOnceClosed() {
            factory.close();

            assertThat(geoIp.locate(ip("81.2.69.142"))).isEmpty();
        }

        @Test
        void showsEachDatabaseTypeAndBuildDateInServerInfo() {
            assertThat(factory.getOperationalInfo())
                    .containsOnlyKeys("city", "asn", "anonymous-ip")
                    .hasEntrySatisfying("city", state -> assertThat(state).matches("GeoIP2-City, built \\d{4}-\\d{2}-\\d{2}"))
                    .hasEntrySatisfying("asn", state -> assertThat(state).startsWith("GeoLite2-ASN, built "))
                    .hasEntrySatisfying("anonymous-ip", state -> assertThat(state).startsWith("GeoIP2-Anonymous-IP, built "));
        }
    }

    @Nested
    class GivenAMissingDatabaseFile {

        private final GeoIpProvider geoIp = initWith(Map.of(
                "city-database", GeoIpTestDatabases.DIR.resolve("absent.mmdb").toString(),
                "asn-database", GeoIpTestDatabases.ASN));

        @Test
        void answersUnknownForThatDatabaseOnly() {
            assertThat(geoIp.locate(ip("81.2.69.142"))).isEmpty();
            assertThat(geoIp.networkOwner(ip("1.0.0.1"))).isPresent();
        }

        @Test
        void showsItUnavailableInServerInfo() {
            assertThat(factory.getOperationalInfo())
                    .hasEntrySatisfying("city", state -> assertThat(state)
                            .startsWith("unavailable: no such file ").endsWith("absent.mmdb"))
                    .containsEntry("anonymous-ip", "not configured");
        }
    }

    @Nested
    class GivenTheWrongDatabaseType {

        private final GeoIpProvider geoIp = initWith(Map.of("city-database", GeoIpTestDatabases.ASN));

        @Test
        void refusesItAtStartup() {
            assertThat(factory.getOperationalInfo()).containsEntry("city",
                    "unavailable: not a GeoIP2 or GeoLite2 City (or Enterprise) database but GeoLite2-ASN");
            assertThat(geoIp.locate(ip("81.2.69.142"))).isEmpty();
        }
    }

    @Nested
    class GivenAFileThatIsNoDatabase {

        private final GeoIpProvider geoIp = initWith(Map.of(
                "anonymous-ip-database", GeoIpTestDatabases.DIR.resolve("README.md").toString()));

        @Test
        void showsItUnavailable() {
            assertThat(factory.getOperationalInfo().get("anonymous-ip")).startsWith("unavailable: ");
            assertThat(geoIp.anonymizer(ip("1.124.213.1"))).isEmpty();
        }
    }

    @Nested
    class GivenNoConfiguration {

        private final GeoIpProvider geoIp = initWith(Map.of());

        @Test
        void startsAndAnswersUnknown() {
            assertThat(geoIp.locate(ip("81.2.69.142"))).isEmpty();
            assertThat(geoIp.networkOwner(ip("1.0.0.1"))).isEmpty();
            assertThat(geoIp.anonymizer(ip("1.124.213.1"))).isEmpty();
            assertThat(factory.getOperationalInfo()).containsOnly(
                    Map.entry("city", "not configured"),
                    Map.entry("asn", "not configured"),
                    Map.entry("anonymous-ip", "not configured"));
        }
    }

    @Nested
    class GivenAnAnswerCacheSizeThatIsNoNumber {

        private final GeoIpProvider geoIp = initWith(Map.of(
                "city-database", GeoIpTestDatabases.CITY,
                "answer-cache-size", "lots"));

        @Test
        void startsAndAnswersAsUsual() {
            assertThat(geoIp.locate(ip("81.2.69.142"))).map(GeoLocation::city).contains("London");
        }
    }

    @Test
    void documentsOneFilePathOptionPerDatabaseTheAnswerCacheAndTheFileCheckInterval() {
        assertThat(factory.getConfigMetadata())
                .extracting(ProviderConfigProperty::getName)
                .containsExactly("city-database", "asn-database", "anonymous-ip-database", "answer-cache-size",
                        "file-check-interval");
        assertThat(factory.getConfigMetadata()).filteredOn(property -> property.getName().endsWith("-database"))
                .allSatisfy(property -> assertThat(property.getHelpText()).contains("MaxMind").contains(".mmdb"));
    }
}
