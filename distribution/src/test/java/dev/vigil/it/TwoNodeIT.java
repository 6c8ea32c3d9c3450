package dev.vigil.it;

import java.util.List;

import dev.vigil.it.support.LoopbackCluster;
import dev.vigil.it.support.TwoNodeCluster;

/**
 * The two-node scenarios on loopback: two processes of the tarball built for PostgreSQL (own HTTP, management and
 * cluster ports, bound to 127.0.0.1) over one database of the run's PostgreSQL server. Runs in the PostgreSQL run
 * (profile postgres-its).
 */
class TwoNodeIT extends TwoNodeScenarios {

    @Override
    protected TwoNodeCluster startCluster(List<String> options) {
        return LoopbackCluster.start(options);
    }
}
