package dev.vigil.it.support;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The two nodes as processes on loopback (their own HTTP, management and cluster ports, bound to 127.0.0.1), from
 * the tarball built for PostgreSQL, on a fresh database of the run's PostgreSQL server, behind the loopback
 * {@link LoadBalancer}.
 */
public final class LoopbackCluster implements TwoNodeCluster {

    private final LoadBalancer balancer;
    private final VigilServer nodeA;
    private final VigilServer nodeB;

    private LoopbackCluster(LoadBalancer balancer, VigilServer nodeA, VigilServer nodeB) {
        this.balancer = balancer;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
    }

    /** Starts node A, then node B, each with these further {@code kc.sh start} options. */
    public static LoopbackCluster start(List<String> options) {
        Path home = ProductionPath.sharedPostgresHome();
        ServerDatabase database = PostgresServer.shared().createDatabase("cluster");
        LoadBalancer balancer = LoadBalancer.onFreePort();
        String adminPassword = UUID.randomUUID().toString();
        VigilServer nodeA = VigilServer.node("node-a", home, database, balancer.uri(),
                adminPassword, options);
        VigilServer nodeB = VigilServer.node("node-b", home, database, balancer.uri(),
                adminPassword, options);
        LoopbackCluster cluster = new LoopbackCluster(balancer, nodeA, nodeB);
        try {
            nodeA.start();
            nodeB.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    @Override
    public VigilNode nodeA() {
        return nodeA;
    }

    @Override
    public VigilNode nodeB() {
        return nodeB;
    }

    @Override
    public LoadBalancer balancer() {
        return balancer;
    }

    @Override
    public void close() {
        nodeB.close();
        nodeA.close();
        balancer.close();
    }
}
