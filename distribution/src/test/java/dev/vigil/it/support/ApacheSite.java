package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PHP site behind Apache httpd and Debian's {@code mod_auth_openidc}, as a site owner puts one in front of Vigil:
 * the site's pages need a Vigil login, and {@code /admin/} needs level 2 ({@code acr_values=2}, and the claim
 * {@code acr} 2 or the module signs the user in again). Every page prints the user and the {@code acr} and
 * {@code vigil_risk} claims the module passes to PHP. Debian's {@code apache2}, {@code libapache2-mod-auth-openidc}
 * and {@code libapache2-mod-php} (installed by .ci/run) run as the current user from a configuration generated in
 * a folder under target/, on a free loopback port, with no system service; {@link #close()} stops it.
 */
public final class ApacheSite implements AutoCloseable {

    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** What every page shows: the claims as mod_auth_openidc passes them (OIDCPassClaimsAs environment). */
    private static final String PAGE = """
            <?php
            $claim = fn($name) => htmlspecialchars($_SERVER['OIDC_CLAIM_' . $name] ?? '', ENT_QUOTES);
            ?><!doctype html>
            <html><head><title>%1$s</title></head><body>
            <h1 id="page">%1$s</h1>
            <p>Signed in as <span id="user"><?= $claim('preferred_username') ?></span></p>
            <p>acr: <span id="acr"><?= $claim('acr') ?></span></p>
            <p>vigil_risk: <span id="vigil-risk"><?= $claim('vigil_risk') ?></span></p>
            </body></html>
            """;

    private static final String CONFIG = """
            ServerRoot "%1$s"
            ServerName 127.0.0.1
            Listen 127.0.0.1:%2$d
            PidFile "%1$s/httpd.pid"
            DefaultRuntimeDir "%1$s"
            Mutex file:%1$s default
            ErrorLog "%1$s/error.log"
            LogLevel info
            %3$s
            LoadModule mpm_prefork_module %4$s/mod_mpm_prefork.so
            LoadModule authn_core_module %4$s/mod_authn_core.so
            LoadModule authz_core_module %4$s/mod_authz_core.so
            LoadModule authz_user_module %4$s/mod_authz_user.so
            LoadModule dir_module %4$s/mod_dir.so
            LoadModule php_module %5$s
            LoadModule auth_openidc_module %4$s/mod_auth_openidc.so

            DocumentRoot "%1$s/htdocs"
            DirectoryIndex index.php
            <FilesMatch "\\.php$">
              SetHandler application/x-httpd-php
            </FilesMatch>

            OIDCProviderMetadataURL %6$s/.well-known/openid-configuration
            OIDCClientID %7$s
            OIDCClientSecret %8$s
            OIDCRedirectURI http://127.0.0.1:%2$d/redirect_uri
            OIDCCryptoPassphrase %9$s
            OIDCScope "openid"
            OIDCRemoteUserClaim preferred_username
            OIDCPassClaimsAs environment

            <Location />
              AuthType openid-connect
              Require valid-user
            </Location>
            # The admin pages ask Vigil for level 2, and a session below it signs in again (step-up).
            <Location /admin/>
              AuthType openid-connect
              OIDCPathAuthRequestParams acr_values=2
              OIDCUnAutzAction auth
              Require claim acr:2
            </Location>
            """;

    private final Path dir;
    private final int port;
    private final Process process;

    private ApacheSite(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts the site as relying party {@code clientId} of the realm at {@code issuer}. */
    public static ApacheSite start(URI issuer, String clientId, String clientSecret) {
        requireInstalled(APACHE, "apache2");
        requireInstalled(MODULES.resolve("mod_auth_openidc.so"), "libapache2-mod-auth-openidc");
        Path php = phpModule();
        int port = FreePorts.next();
        try {
            Path dir = Files.createTempDirectory(ItConfig.outputDir(), "apache-site-");
            // Apache's children run as www-data when the tests run as root: they must read the pages.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("htdocs/admin"));
            Files.writeString(dir.resolve("htdocs/index.php"), PAGE.formatted("Public page"));
            Files.writeString(dir.resolve("htdocs/admin/index.php"), PAGE.formatted("Admin page"));
            Path config = dir.resolve("httpd.conf");
            Files.writeString(config, CONFIG.formatted(dir, port, runAs(), MODULES, php, issuer, clientId, clientSecret,
                    UUID.randomUUID()));
            // In a session of its own: at shutdown Apache signals its whole process group, which would else be the tests'.
            Process process = new ProcessBuilder("setsid", APACHE.toString(), "-f", config.toString(), "-DFOREGROUND")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("apache.out").toFile())
                    .start();
            ApacheSite site = new ApacheSite(dir, port, process);
            site.awaitListening();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Apache refuses to serve as root; its children then take Debian's web server account. */
    private static String runAs() {
        return "root".equals(System.getProperty("user.name")) ? "User www-data\nGroup www-data" : "";
    }

    private static Path phpModule() {
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(MODULES, "libphp*.so")) {
            for (Path module : modules) {
                return module;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no PHP module in " + MODULES + ": install Debian's libapache2-mod-php (.ci/run does)");
    }

    private static void requireInstalled(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: install Debian's " + debianPackage + " (.ci/run does)");
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apache exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYetListening) {
                waitABit();
            }
        }
        close();
        throw new IllegalStateException("Apache did not listen within " + START_TIMEOUT + ":\n" + log());
    }

    private static void waitABit() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** mod_auth_openidc's back-channel logout endpoint, for the client's {@code backchannel.logout.url}. */
    public URI backChannelLogoutUri() {
        return uri("/redirect_uri?logout=backchannel");
    }

    /** Signs out of the site and of Vigil (RP-initiated logout), then comes back to {@code returnTo}. */
    public URI logoutUri(URI returnTo) {
        return uri("/redirect_uri?logout=" + URLEncoder.encode(returnTo.toString(), StandardCharsets.UTF_8));
    }

    /** Apache's error log and console output, for failure messages. */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (String name : new String[] {"apache.out", "error.log"}) {
            Path file = dir.resolve(name);
            try {
                if (Files.exists(file)) {
                    log.append("--- ").append(file).append('\n').append(Files.readString(file));
                }
            } catch (IOException e) {
                log.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return log.toString();
    }

    /** Stops Apache (SIGTERM to the parent, which stops its children) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
