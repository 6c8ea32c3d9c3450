package dev.vigil.it.support;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The two nodes as processes on loopback (their own HTTP, management and cluster ports, bound to 127.0.0.1), from
 * the tarball built for PostgreSQL, on a fresh database of the run's PostgreSQL server, behind the loopback
 * {@link LoadBalancer}.
 */
public final class LoopbackCluster {

    private LoopbackCluster() {
    }

    /** Starts node A, then node B, each with these further {@code kc.sh start} options. */
    public static TwoNodeCluster start(List<String> options) {
        Path home = ProductionPath.sharedPostgresHome();
        ServerDatabase database = PostgresServer.shared().createDatabase("cluster");
        LoadBalancer balancer = LoadBalancer.onFreePort();
        String adminPassword = UUID.randomUUID().toString();
        VigilServer nodeA = VigilServer.node("node-a", home, database, balancer.uri(),
                adminPassword, options);
        VigilServer nodeB = VigilServer.node("node-b", home, database, balancer.uri(),
                adminPassword, options);
        TwoNodeCluster cluster = new TwoNodeCluster(nodeA, nodeB, balancer, () -> {
            nodeB.close();
            nodeA.close();
            balancer.close();
        });
        try {
            nodeA.start();
            nodeB.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }
}
