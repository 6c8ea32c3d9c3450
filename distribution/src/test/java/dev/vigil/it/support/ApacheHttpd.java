package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.vigil.local.ChildProcess;

/**
 * Debian's Apache httpd with {@code mod_php} and {@code mod_auth_openidc} (installed by .ci/run), run as the current
 * user from a configuration generated in a folder under target/, on a free loopback port, with no system service:
 * what the sites of the tests ({@link ApacheSite}, {@link WordPressSite}) run on. {@link #close()} stops it.
 */
final class ApacheHttpd implements AutoCloseable {

    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** The server itself: its files in the site's folder, the modules every site needs. */
    private static final String SERVER = """
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
            LoadModule mime_module %4$s/mod_mime.so
            LoadModule php_module %5$s
            LoadModule auth_openidc_module %4$s/mod_auth_openidc.so
            TypesConfig /etc/mime.types
            <FilesMatch "\\.php$">
              SetHandler application/x-httpd-php
            </FilesMatch>
            """;

    /** mod_auth_openidc as the realm's relying party; the claims reach PHP as {@code OIDC_CLAIM_*}. */
    private static final String RELYING_PARTY = """
            OIDCProviderMetadataURL %1$s/.well-known/openid-configuration
            OIDCClientID %2$s
            OIDCClientSecret %3$s
            OIDCRedirectURI http://127.0.0.1:%4$d/redirect_uri
            OIDCCryptoPassphrase %5$s
            OIDCScope "openid email profile"
            OIDCRemoteUserClaim preferred_username
            OIDCPassClaimsAs environment
            """;

    private final Path dir;
    private final int port;
    private final Process process;

    private ApacheHttpd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts Apache on {@code port} with {@code site} (what the site serves and protects) after the server's own settings. */
    static ApacheHttpd start(Path dir, int port, String site) {
        requireInstalled(APACHE, "apache2");
        requireInstalled(MODULES.resolve("mod_auth_openidc.so"), "libapache2-mod-auth-openidc");
        try {
            Path config = dir.resolve("httpd.conf");
            Files.writeString(config, SERVER.formatted(dir, port, runAs(), MODULES, phpModule()) + site);
            // In a session of its own: at shutdown Apache signals its whole process group, which would else be the tests'.
            Process process = new ProcessBuilder("setsid", APACHE.toString(), "-f", config.toString(), "-DFOREGROUND")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("apache.out").toFile())
                    .start();
            ApacheHttpd httpd = new ApacheHttpd(dir, port, process);
            httpd.awaitListening();
            return httpd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directives that make the server on {@code port} relying party {@code clientId} of the realm at {@code issuer}. */
    static String relyingParty(URI issuer, String clientId, String clientSecret, int port) {
        return RELYING_PARTY.formatted(issuer, clientId, clientSecret, port, UUID.randomUUID());
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

    static void requireInstalled(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: install Debian's " + debianPackage + " (.ci/run does)");
        }
    }

    private void awaitListening() {
        LocalListener.await("Apache", process, port, START_TIMEOUT, this::log);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Signs out of the site and of Vigil (mod_auth_openidc's RP-initiated logout), then comes back to {@code returnTo}. */
    URI logoutUri(URI returnTo) {
        return uri("/redirect_uri?logout=" + URLEncoder.encode(returnTo.toString(), StandardCharsets.UTF_8));
    }

    /** Apache's error log and console output, for failure messages. */
    String log() {
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
        ChildProcess.stop(process, Duration.ofSeconds(10));
    }
}
