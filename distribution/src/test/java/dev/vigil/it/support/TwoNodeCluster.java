package dev.vigil.it.support;

/**
 * Two Vigil nodes clustered over one PostgreSQL database (Keycloak's jdbc-ping discovery), behind one load balancer
 * whose URL is the nodes' public hostname and which the test steers to either node: what the two-node scenarios
 * run on, whether the nodes are processes on loopback ({@link LoopbackCluster}) or containers
 * ({@link ContainerCluster}).
 */
public interface TwoNodeCluster extends AutoCloseable {

    /** The node started first: it imports the demo realm and creates the bootstrap admin. */
    VigilNode nodeA();

    /** The node that joined A's cluster. */
    VigilNode nodeB();

    LoadBalancer balancer();

    /** Stops both nodes, the balancer and whatever else the cluster started. */
    @Override
    void close();
}
