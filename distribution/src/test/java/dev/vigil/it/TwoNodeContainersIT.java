package dev.vigil.it;

import java.util.List;

import dev.vigil.it.support.ContainerCluster;
import dev.vigil.it.support.DockerEngineCondition;
import dev.vigil.it.support.TwoNodeCluster;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The two-node scenarios on containers, where a Docker engine is reachable (skipped elsewhere, saying so): two
 * containers of the image of docker/Dockerfile built from this build's tarball, and a PostgreSQL container, on a
 * Docker network of their own.
 */
@ExtendWith(DockerEngineCondition.class)
class TwoNodeContainersIT extends TwoNodeScenarios {

    @Override
    protected TwoNodeCluster startCluster(List<String> options) {
        return ContainerCluster.start(options);
    }
}
