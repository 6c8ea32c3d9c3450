package dev.vigil.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * One Vigil node as a container of the image of {@code docker/Dockerfile}, on the cluster's Docker network, ready
 * when the image's own {@code HEALTHCHECK} (readiness on the management port) says so. The test reaches its HTTP
 * port through the port Docker publishes, its outbox and logs through the engine, and its database directly.
 */
public final class ContainerNode implements VigilNode, AutoCloseable {

    /** The image's health check allows two minutes for the start; a shared machine may take longer. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("vigil.it.startMinutes", 5));

    private final String name;
    private final GenericContainer<?> container;
    private final String adminPassword;
    private final ServerDatabase databaseFromTheTest;

    private ContainerNode(String name, GenericContainer<?> container, String adminPassword, ServerDatabase databaseFromTheTest) {
        this.name = name;
        this.container = container;
        this.adminPassword = adminPassword;
        this.databaseFromTheTest = databaseFromTheTest;
    }

    /**
     * Starts a node of {@code image} on {@code network} (reachable there as {@code name}), configured by
     * {@code settings}, with {@code files} (container path to host file) copied in first.
     */
    public static ContainerNode start(String name, Future<String> image, Network network, ContainerNodeSettings settings,
            Map<String, Path> files, ServerDatabase databaseFromTheTest) {
        GenericContainer<?> container = new GenericContainer<>(image)
                .withNetwork(network)
                .withNetworkAliases(name)
                .withExposedPorts(ContainerNodeSettings.HTTP_PORT)
                .withEnv(settings.environment())
                .withCommand(settings.command().toArray(String[]::new))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(START_TIMEOUT));
        files.forEach((inContainer, onHost) -> container.withCopyFileToContainer(MountableFile.forHostPath(onHost), inContainer));
        ContainerNode node = new ContainerNode(name, container, settings.adminPassword(), databaseFromTheTest);
        try {
            container.start();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    @Override
    public URI baseUri() {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(ContainerNodeSettings.HTTP_PORT));
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public Connection openDatabase() throws SQLException {
        return databaseFromTheTest.open();
    }

    /** Read through the engine, which copies files out of a killed container too. */
    @Override
    public List<String> outboxLines() {
        try {
            return container.copyFileFromContainer(ContainerNodeSettings.OUTBOX_FILE,
                    in -> new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (NotFoundException noMessageYet) {
            return List.of();
        }
    }

    @Override
    public String logText() {
        return container.getLogs();
    }

    /** {@code docker kill}: SIGKILL to the container's processes. */
    @Override
    public void kill() {
        container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("KILL").exec();
    }

    /** Keeps the node's log with the other logs of the run, then removes the container. */
    @Override
    public void close() {
        if (container.getContainerId() != null) {
            try {
                Files.writeString(ItConfig.outputDir().resolve(name + "-container.log"), container.getLogs());
            } catch (IOException | RuntimeException e) {
                System.err.println("cannot keep the log of " + name + ": " + e);
            }
        }
        container.stop();
    }

    @Override
    public String toString() {
        return name + " (container) at " + baseUri();
    }
}
