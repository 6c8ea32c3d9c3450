package dev.vigil.it.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The two nodes as containers of the image of {@code docker/Dockerfile} (built from this build's tarball), with
 * a PostgreSQL container, all on one Docker network of their own: the nodes reach the database by its network
 * alias and discover each other through it (Keycloak's jdbc-ping), as compose.yaml runs them. The test's loopback
 * {@link LoadBalancer} stands in front, reaching each node through its published port; a node is killed with
 * {@code docker kill}.
 */
public final class ContainerCluster {

    /** The PostgreSQL of compose.yaml. */
    private static final DockerImageName POSTGRES = DockerImageName.parse("postgres:17");
    private static final String DATABASE_ALIAS = "postgres";
    private static final String DATABASE = "vigil";

    private final List<AutoCloseable> started = new ArrayList<>();

    private ContainerCluster() {
    }

    /** Starts the database, then node A, then node B, each node with these further {@code kc.sh start} options. */
    public static TwoNodeCluster start(List<String> options) {
        ContainerCluster containers = new ContainerCluster();
        try {
            return containers.startAll(options);
        } catch (RuntimeException e) {
            containers.stopAll();
            throw e;
        }
    }

    private TwoNodeCluster startAll(List<String> options) {
        Network network = Network.newNetwork();
        started.add(network);
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES).withNetwork(network).withNetworkAliases(DATABASE_ALIAS)
                .withDatabaseName(DATABASE).withUsername(DATABASE).withPassword(UUID.randomUUID().toString());
        started.add(postgres);
        postgres.start();
        ServerDatabase onTheNetwork = new ServerDatabase(
                "jdbc:postgresql://" + DATABASE_ALIAS + ":" + PostgreSQLContainer.POSTGRESQL_PORT + "/" + DATABASE,
                postgres.getUsername(), postgres.getPassword());
        ServerDatabase fromTheTest = new ServerDatabase(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());

        LoadBalancer balancer = LoadBalancer.onFreePort();
        started.add(balancer);
        ContainerNodeSettings settings = new ContainerNodeSettings(balancer.uri(), subnetsOf(network), onTheNetwork,
                UUID.randomUUID().toString(), options);
        Map<String, Path> files = ContainerNodeSettings.files(
                ItConfig.vigilHome().resolve("data/import/vigil-demo-realm.json"), ItConfig.geoIpDir());
        ImageFromDockerfile image = VigilImage.ofThisBuild();
        ContainerNode nodeA = ContainerNode.start("node-a", image, network, settings, files, fromTheTest);
        started.add(nodeA);
        ContainerNode nodeB = ContainerNode.start("node-b", image, network, settings, files, fromTheTest);
        started.add(nodeB);
        return new TwoNodeCluster(nodeA, nodeB, balancer, this::stopAll);
    }

    /** The network's subnets, which the test's requests come from (its gateway) and which only the test's containers share. */
    private static List<String> subnetsOf(Network network) {
        return ContainerNodeSettings.subnetsOf(DockerClientFactory.instance().client()
                .inspectNetworkCmd().withNetworkId(network.getId()).exec().getIpam());
    }

    /** Stops what was started, last first. */
    private void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("cannot stop " + started.get(i) + ": " + e);
            }
        }
        started.clear();
    }
}
