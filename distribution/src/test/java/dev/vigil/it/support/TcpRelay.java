package dev.vigil.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A plain TCP relay in front of the test server whose outgoing connections come from 127.0.0.2: to the server,
 * a peer that is not its trusted proxy (it trusts 127.0.0.1 only), so any forwarding header it sends must be
 * ignored. Loopback-only, so it needs no network.
 */
public final class TcpRelay implements AutoCloseable {

    private static final InetAddress UNTRUSTED_SOURCE = address("127.0.0.2");

    private final ServerSocket listener;
    private final InetSocketAddress target;

    private TcpRelay(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    public static TcpRelay to(URI server) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpRelay relay = new TcpRelay(listener, new InetSocketAddress(server.getHost(), server.getPort()));
            Thread acceptor = new Thread(relay::acceptLoop, "tcp-relay-" + listener.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relay's own base URI, to use instead of the server's. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.bind(new InetSocketAddress(UNTRUSTED_SOURCE, 0));
                upstream.connect(target);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException closedOrRefused) {
                // the listener was closed, or one connection failed: the test sees the failed request
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed the connection
            } finally {
                closeQuietly(to);
            }
        }, "tcp-relay-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
