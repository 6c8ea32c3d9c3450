package dev.vigil.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JFR on the server during the Vigil phases, when asked ({@code --jfr DIR}): {@code jcmd <pid> JFR.start} before a
 * phase and {@code JFR.stop} after, one file per phase, with the profiling settings (method samples every 10 ms).
 */
final class ServerRecording {

    private final long pid;
    private final Optional<Path> dir;

    ServerRecording(long pid, Optional<Path> dir) {
        this.pid = pid;
        this.dir = dir.map(Path::toAbsolutePath);
    }

    /** Starts recording phase {@code phase}; false when no recording was asked for. */
    boolean start(int phase) {
        if (dir.isEmpty()) {
            return false;
        }
        try {
            Files.createDirectories(dir.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jcmd("JFR.start", "name=" + name(phase), "settings=profile",
                "filename=" + dir.get().resolve("vigil-phase-" + phase + ".jfr"));
        return true;
    }

    void stop(int phase) {
        jcmd("JFR.stop", "name=" + name(phase));
    }

    private static String name(int phase) {
        return "vigil-bench-" + phase;
    }

    private void jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
