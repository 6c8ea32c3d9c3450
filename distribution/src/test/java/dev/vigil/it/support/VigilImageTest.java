package dev.vigil.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** The container scenarios build the image of the repository's docker/Dockerfile, the way its README builds it. */
class VigilImageTest {

    private static final Pattern ADD = Pattern.compile("^ADD\\s+(\\S+)\\s", Pattern.MULTILINE);

    private final Path repositoryDockerfile = ItConfig.dockerDir().resolve("Dockerfile");

    @Test
    void theBuildContextIsTheDockerfileAndTheTarballItAdds(@TempDir Path target) throws IOException {
        Path tarball = Files.createFile(target.resolve("vigil-1.2.3-SNAPSHOT.tar.gz"));

        ImageFromDockerfile image = VigilImage.of(repositoryDockerfile, tarball, "1.2.3-SNAPSHOT");

        assertThat(image.getBuildArgs()).containsEntry(VigilImage.VERSION_ARGUMENT, "1.2.3-SNAPSHOT");
        Matcher add = ADD.matcher(Files.readString(repositoryDockerfile));
        assertThat(add.find()).as("the Dockerfile adds the tarball").isTrue();
        String added = add.group(1).replace("${" + VigilImage.VERSION_ARGUMENT + "}", "1.2.3-SNAPSHOT");
        assertThat(image.getTransferables()).containsOnlyKeys("Dockerfile", added);
    }

    @Test
    void theContainersAreConfiguredForTheImagesLayout() throws IOException {
        List<String> lines = Files.readAllLines(repositoryDockerfile);

        assertThat(lines).contains("WORKDIR " + ContainerNodeSettings.HOME)
                .anySatisfy(line -> assertThat(line).startsWith("ARG " + VigilImage.VERSION_ARGUMENT + "="));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("EXPOSE ").contains(" " + ContainerNodeSettings.HTTP_PORT + " "));
    }
}
