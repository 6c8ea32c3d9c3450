package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real shell processes: a command run to its end, and a server stopped or killed with its children. */
class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void runsACommandInTheFolderToItsEnd() throws IOException {
        ChildProcess.run(List.of("sh", "-c", "pwd > where"), dir, Duration.ofSeconds(10));

        assertThat(Files.readString(dir.resolve("where")).strip()).isEqualTo(dir.toRealPath().toString());
    }

    @Test
    void aFailingCommandFailsWithItsOutputAndExitCode() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ChildProcess.run(List.of("sh", "-c", "echo no such table >&2; exit 3"), dir, Duration.ofSeconds(10)))
                .withMessageContaining("failed (3)").withMessageContaining("no such table");
    }

    @Test
    void aCommandStillRunningAfterTheTimeoutIsKilledAndFails() {
        long started = System.nanoTime();

        assertThatIllegalStateException()
                .isThrownBy(() -> ChildProcess.run(List.of("sleep", "60"), dir, Duration.ofMillis(300)))
                .withMessageContaining("did not end within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void stopEndsTheChildrenAProcessLeavesBehind() throws IOException {
        // sh dies of SIGTERM at once; its child sleep would live on, an orphan.
        Process server = withChild("sleep 60 & echo started; wait");
        List<ProcessHandle> children = server.descendants().toList();

        ChildProcess.stop(server, Duration.ofSeconds(10));

        assertThat(server.isAlive()).isFalse();
        assertGone(children);
    }

    @Test
    void stopKillsAProcessThatIgnoresSigtermOnceTheGraceIsOver() throws IOException {
        Process server = withChild("trap '' TERM; sleep 60 & echo started; wait");
        List<ProcessHandle> children = server.descendants().toList();

        ChildProcess.stop(server, Duration.ofMillis(300));

        assertThat(server.isAlive()).isFalse();
        assertGone(children);
    }

    @Test
    void killEndsTheProcessAndItsChildren() throws IOException {
        Process server = withChild("sleep 60 & echo started; wait");
        List<ProcessHandle> children = server.descendants().toList();

        ChildProcess.kill(server);

        assertThat(server.isAlive()).isFalse();
        assertGone(children);
    }

    /** SIGKILL reaches an orphan at once, but it is gone only once reaped: within seconds, not the minute it sleeps. */
    private static void assertGone(List<ProcessHandle> children) {
        assertThat(children).isNotEmpty().allSatisfy(child -> assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(5)));
    }

    /** A shell running {@code script}, returned once it printed its first line (its child started by then). */
    private Process withChild(String script) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        assertThat(output.readLine()).isEqualTo("started");
        return process;
    }
}
