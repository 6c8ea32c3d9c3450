package dev.vigil.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of the tests: a setup command run to its end, and a server ended with its own children, so that
 * none outlives the run.
 */
public final class ChildProcess {

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private ChildProcess() {
    }

    /**
     * Runs {@code command} in {@code dir} to its end; fails with its output when it exits with an error or is still
     * running after {@code timeout} (then killed).
     */
    public static void run(List<String> command, Path dir, Duration timeout) {
        String name = String.join(" ", command);
        try {
            Path output = Files.createTempFile("vigil-command-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    throw new IllegalStateException(name + " did not end within " + timeout + ":\n" + Files.readString(output));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(name + " failed (" + process.exitValue() + "):\n" + Files.readString(output));
                }
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    /**
     * SIGTERM, for a clean shutdown; SIGKILL to the process and its descendants when it has not exited within
     * {@code grace}. Descendants still alive once it exited are killed too.
     */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        // Taken before the process exits: its children are then no longer its descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!waitFor(process, grace)) {
            kill(process, descendants);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL to the process and its descendants, as a crash; returns once the process is gone (or after 10 s). */
    public static void kill(Process process) {
        kill(process, process.descendants().toList());
    }

    private static void kill(Process process, List<ProcessHandle> descendants) {
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(process, KILL_TIMEOUT);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
