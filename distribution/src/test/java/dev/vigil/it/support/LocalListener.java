package dev.vigil.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import dev.vigil.local.ChildProcess;

/** Waits for a server process the tests started to listen on its loopback port. */
final class LocalListener {

    private LocalListener() {
    }

    /**
     * Returns once {@code port} accepts connections; throws with {@code log} if the process exits first or the port is
     * not open within {@code timeout} (then the process and its children are killed).
     */
    static void await(String what, Process process, int port, Duration timeout, Supplier<String> log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + ":\n" + log.get());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYetListening) {
                pause();
            }
        }
        ChildProcess.kill(process);
        throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout + ":\n" + log.get());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
