package dev.vigil.it.support;

import java.nio.file.Path;

import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image of {@code docker/Dockerfile}, built as the README says ({@code docker build -f docker/Dockerfile
 * distribution/target}): the Dockerfile and the assembled tarball it adds are the whole build context.
 */
public final class VigilImage {

    /** The Dockerfile's build argument naming the tarball's version. */
    static final String VERSION_ARGUMENT = "VIGIL_VERSION";

    private VigilImage() {
    }

    /** The image of this build's Dockerfile and tarball, deleted when the test JVM ends. */
    public static ImageFromDockerfile ofThisBuild() {
        return of(ItConfig.dockerDir().resolve("Dockerfile"), ItConfig.tarball(), ItConfig.version());
    }

    static ImageFromDockerfile of(Path dockerfile, Path tarball, String version) {
        return new ImageFromDockerfile("vigil-it/vigil:" + version, true)
                .withFileFromPath("Dockerfile", dockerfile)
                .withFileFromPath(tarball.getFileName().toString(), tarball)
                .withBuildArg(VERSION_ARGUMENT, version);
    }
}
