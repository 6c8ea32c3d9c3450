package dev.vigil.it.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where Testcontainers finds a Docker engine (DOCKER_HOST, the local socket,
 * ~/.testcontainers.properties); elsewhere the class is skipped with a message that says how to run it.
 */
public final class DockerEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is reachable");
        }
        String test = context.getRequiredTestClass().getSimpleName();
        String reason = "No Docker engine is reachable (Testcontainers looked at DOCKER_HOST, /var/run/docker.sock and"
                + " ~/.testcontainers.properties), so " + test + " is skipped. On a machine with Docker, run it with"
                + " './mvnw -pl distribution -am verify -Dit.test=" + test + "'.";
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
