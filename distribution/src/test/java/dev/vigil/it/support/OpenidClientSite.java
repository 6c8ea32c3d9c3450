package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.local.ChildProcess;

/**
 * The Node site of distribution/src/test/node/openid-client-site, signing people in through Vigil with the npm
 * package {@code openid-client} (an OpenID-certified relying party): copied to a folder under target/, its locked
 * dependencies installed there with {@code npm ci} (from npm's cache when they are in it, so a second run needs no
 * network), started with Debian's {@code node} on a free loopback port. {@code /} shows the user and the
 * {@code acr} and {@code vigil_risk} claims; {@code /admin} needs {@code acr} 2 and asks Vigil for it. {@link #close()}
 * stops it.
 */
public final class OpenidClientSite implements RelyingPartySite {

    private static final Path NODE = Path.of("/usr/bin/node");
    private static final Path NPM = Path.of("/usr/bin/npm");
    private static final List<String> SOURCES = List.of("package.json", "package-lock.json", "site.mjs");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final Process process;

    private OpenidClientSite(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts the site as confidential client {@code clientId} of the realm at {@code issuer}. */
    public static OpenidClientSite start(URI issuer, String clientId, String clientSecret) {
        ApacheHttpd.requireInstalled(NODE, "nodejs");
        ApacheHttpd.requireInstalled(NPM, "npm");
        int port = FreePorts.next();
        try {
            Path dir = Files.createTempDirectory(ItConfig.outputDir(), "openid-client-site-");
            for (String source : SOURCES) {
                Files.copy(ItConfig.nodeSitesDir().resolve("openid-client-site").resolve(source), dir.resolve(source));
            }
            npmCi(dir);
            ProcessBuilder node = new ProcessBuilder(NODE.toString(), "site.mjs")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("site.log").toFile());
            node.environment().putAll(Map.of("VIGIL_ISSUER", issuer.toString(), "CLIENT_ID", clientId,
                    "CLIENT_SECRET", clientSecret, "PORT", Integer.toString(port)));
            OpenidClientSite site = new OpenidClientSite(dir, port, node.start());
            site.awaitListening();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void npmCi(Path dir) {
        ChildProcess.run(List.of(NPM.toString(), "ci", "--prefer-offline", "--no-audit", "--no-fund"), dir,
                Duration.ofSeconds(180));
    }

    private void awaitListening() {
        LocalListener.await("the Node site", process, port, START_TIMEOUT, this::log);
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** What the site printed (its errors, never tokens), for failure messages. */
    @Override
    public String log() {
        try {
            return Files.readString(dir.resolve("site.log"));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        ChildProcess.stop(process, Duration.ofSeconds(10));
    }
}
