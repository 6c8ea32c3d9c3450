package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start command and environment, and the life of the process tree, with a shell script standing in for kc.sh. */
class KeycloakProcessTest {

    private static final KeycloakProcess.Database DATABASE =
            new KeycloakProcess.Database("jdbc:h2:mem:test", "vigil", "secret-db");

    @TempDir
    Path home;
    @TempDir
    Path workDir;

    @Test
    void startsTheOptimizedBuildOnLoopbackBehindATrustedLocalProxyWithTheCallersOptionsLast() {
        KeycloakProcess.Launch launch = KeycloakProcess.launch(home, workDir, workDir.resolve("server.log"))
                .httpPort(18080).managementPort(19000).options(List.of("--import-realm", "--hostname-strict=false"));

        List<String> command = launch.command();

        assertThat(command).startsWith(home.resolve("bin/kc.sh").toString(), "start", "--optimized")
                .contains("--http-enabled=true", "--proxy-headers=xforwarded", "--proxy-trusted-addresses=127.0.0.1/32",
                        "--http-host=127.0.0.1", "--http-port=18080", "--http-management-port=19000",
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--spi-vigil-otp-sender--outbox--directory=" + workDir.resolve("outbox"))
                .endsWith("--import-realm", "--hostname-strict=false");
        assertThat(command).filteredOn(option -> option.startsWith("--cache-embedded-network-bind-port=")).hasSize(1);
    }

    @Test
    void givesTheDatabaseTheBootstrapAdminAndTheJdkInTheEnvironmentPlusTheCallersVariables() {
        KeycloakProcess.Launch launch = KeycloakProcess.launch(home, workDir, workDir.resolve("server.log"))
                .javaHome(Path.of("/opt/jdk")).database(DATABASE).bootstrapAdmin("admin", "secret-admin")
                .environment("TWILIO_ACCOUNT_SID", "AC1");

        assertThat(launch.serverEnvironment()).containsEntry("JAVA_HOME", "/opt/jdk")
                .containsEntry("KC_DB_URL", "jdbc:h2:mem:test").containsEntry("KC_DB_USERNAME", "vigil")
                .containsEntry("KC_DB_PASSWORD", "secret-db").containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .containsEntry("KC_BOOTSTRAP_ADMIN_PASSWORD", "secret-admin").containsEntry("TWILIO_ACCOUNT_SID", "AC1");
    }

    @Test
    void saysWhyWhenTheServerExitsWhileStarting() throws IOException {
        kcSh("echo \"no database at $KC_DB_URL\"; exit 3");

        assertThatIllegalStateException().isThrownBy(() -> launch().startTimeout(Duration.ofMinutes(1)).start())
                .withMessageContaining("exited with 3").withMessageContaining("no database at jdbc:h2:mem:test");
    }

    @Test
    void stopsTheWholeTreeWhenTheServerIsNotReadyInTime() throws IOException {
        kcSh("echo starting; sleep 300 & wait");

        assertThatIllegalStateException().isThrownBy(() -> launch().startTimeout(Duration.ofSeconds(2)).start())
                .withMessageContaining("not ready within PT2S").withMessageContaining("starting");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void returnsOnceTheManagementPortIsReadyAndCloseStopsKcShAndItsChild() throws IOException {
        kcSh("sleep 300 & wait");
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        management.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        management.start();
        try (KeycloakProcess server = launch().managementPort(management.getAddress().getPort()).start()) {
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).hasSize(2);
            assertThat(server.jvmPid()).as("no java child: kc.sh itself").isIn(
                    ProcessHandle.current().children().map(ProcessHandle::pid).toList());
        } finally {
            management.stop(0);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private KeycloakProcess.Launch launch() {
        return KeycloakProcess.launch(home, workDir, workDir.resolve("server.log"))
                .database(DATABASE).bootstrapAdmin("admin", "secret-admin");
    }

    private void kcSh(String body) throws IOException {
        Path script = Files.createDirectories(home.resolve("bin")).resolve("kc.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
