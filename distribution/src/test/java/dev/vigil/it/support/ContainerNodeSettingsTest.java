package dev.vigil.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.Network;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContainerNodeSettingsTest {

    private static final URI BALANCER = URI.create("http://127.0.0.1:41234");
    private static final ServerDatabase ON_THE_NETWORK =
            new ServerDatabase("jdbc:postgresql://postgres:5432/vigil", "vigil", "db-secret");
    private static final List<String> RETENTION = List.of("--spi-realm-restapi-extension--vigil-privacy--retention-interval-minutes=1");

    private final ContainerNodeSettings settings =
            new ContainerNodeSettings(BALANCER, List.of("172.30.0.0/16"), ON_THE_NETWORK, "admin-secret", RETENTION);

    @Nested
    class TheCommand {

        @Test
        void isTheTestedStartCommandBehindTheBalancer() {
            assertThat(settings.command()).startsWith(ProductionPath.START.subList(1, ProductionPath.START.size()).toArray(String[]::new))
                    .contains("--hostname=" + BALANCER)
                    .containsAll(ProductionPath.BEHIND_PROXY);
        }

        @Test
        void believesForwardedHeadersFromTheNodesNetworkOnly() {
            ContainerNodeSettings dualStack = new ContainerNodeSettings(BALANCER, List.of("172.30.0.0/16", "fd00:1::/64"),
                    ON_THE_NETWORK, "admin-secret", List.of());

            assertThat(dualStack.command()).filteredOn(option -> option.startsWith("--proxy-trusted-addresses="))
                    .containsExactly("--proxy-trusted-addresses=172.30.0.0/16,fd00:1::/64");
        }

        @Test
        void importsTheRealmAndWritesTheOutboxWhereTheTestReadsIt() {
            assertThat(settings.command()).contains("--import-realm",
                    "--spi-vigil-otp-sender--outbox--directory=/opt/vigil/data/vigil-outbox");
            assertThat(ContainerNodeSettings.OUTBOX_FILE).isEqualTo("/opt/vigil/data/vigil-outbox/outbox.jsonl");
        }

        @Test
        void namesTheGeoIpDatabasesCopiedIntoTheContainer() {
            Map<String, Path> files = ContainerNodeSettings.files(Path.of("/build/realm/vigil-demo-realm.json"), Path.of("/build/maxmind"));

            List<String> databases = settings.command().stream().filter(option -> option.startsWith("--spi-vigil-geoip--maxmind--"))
                    .map(option -> option.substring(option.indexOf('=') + 1)).toList();

            assertThat(databases).hasSize(3).allSatisfy(database -> assertThat(files).containsKey(database));
            assertThat(databases).contains(ContainerNodeSettings.GEOIP_DIR + "/" + TestGeoIp.CITY);
        }

        @Test
        void endsWithTheScenariosOwnOptions() {
            assertThat(settings.command()).endsWith(RETENTION.toArray(String[]::new));
        }
    }

    @Test
    void theEnvironmentGivesTheDatabaseAsTheNodesReachItAndTheBootstrapAdmin() {
        assertThat(settings.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "KC_DB_URL", "jdbc:postgresql://postgres:5432/vigil",
                "KC_DB_USERNAME", "vigil",
                "KC_DB_PASSWORD", "db-secret",
                "KC_BOOTSTRAP_ADMIN_USERNAME", VigilServer.ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-secret"));
        assertThat(settings.environment()).containsKeys(ProductionPath.DATABASE_ENVIRONMENT.toArray(String[]::new));
    }

    @Test
    void theRealmIsCopiedIntoTheImportFolderAndEachGeoIpDatabaseBesideTheOthers() {
        Path realm = Path.of("/build/realm/vigil-demo-realm.json");
        Path geoIp = Path.of("/build/maxmind");

        assertThat(ContainerNodeSettings.files(realm, geoIp)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/opt/vigil/data/import/vigil-demo-realm.json", realm,
                "/opt/vigil-it/geoip/" + TestGeoIp.CITY, geoIp.resolve(TestGeoIp.CITY),
                "/opt/vigil-it/geoip/" + TestGeoIp.ASN, geoIp.resolve(TestGeoIp.ASN),
                "/opt/vigil-it/geoip/" + TestGeoIp.ANONYMOUS_IP, geoIp.resolve(TestGeoIp.ANONYMOUS_IP)));
    }

    @Nested
    class TrustedNetworks {

        @Test
        void areTheSubnetsOfTheNetworksIpamConfiguration() {
            Network.Ipam ipam = new Network.Ipam().withConfig(
                    new Network.Ipam.Config().withSubnet("172.30.0.0/16").withGateway("172.30.0.1"),
                    new Network.Ipam.Config().withSubnet("fd00:1::/64"),
                    new Network.Ipam.Config().withGateway("10.0.0.1"));

            assertThat(ContainerNodeSettings.subnetsOf(ipam)).containsExactly("172.30.0.0/16", "fd00:1::/64");
        }

        @Test
        void noneIsRefusedRatherThanBelievingNobodyOrEverybody() {
            assertThatThrownBy(() -> new ContainerNodeSettings(BALANCER, ContainerNodeSettings.subnetsOf(new Network.Ipam()),
                    ON_THE_NETWORK, "admin-secret", List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no subnet");
        }
    }
}
