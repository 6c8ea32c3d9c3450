package dev.vigil.it.support;

/**
 * Two Vigil nodes clustered over one PostgreSQL database (Keycloak's jdbc-ping discovery), behind one load balancer
 * whose URL is the nodes' public hostname and which the test steers to either node: what the two-node scenarios
 * run on, whether the nodes are processes on loopback ({@link LoopbackCluster}) or containers
 * ({@link ContainerCluster}).
 */
public final class TwoNodeCluster implements AutoCloseable {

    private final VigilNode nodeA;
    private final VigilNode nodeB;
    private final LoadBalancer balancer;
    private final Runnable stop;

    /** {@code stop} stops both nodes, the balancer and whatever else was started for them. */
    TwoNodeCluster(VigilNode nodeA, VigilNode nodeB, LoadBalancer balancer, Runnable stop) {
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.balancer = balancer;
        this.stop = stop;
    }

    /** The node started first: it imports the demo realm and creates the bootstrap admin. */
    public VigilNode nodeA() {
        return nodeA;
    }

    /** The node that joined A's cluster. */
    public VigilNode nodeB() {
        return nodeB;
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** Stops both nodes, the balancer and whatever else the cluster started. */
    @Override
    public void close() {
        stop.run();
    }
}
