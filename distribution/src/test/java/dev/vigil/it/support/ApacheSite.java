package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A PHP site behind Apache httpd and Debian's {@code mod_auth_openidc}, as a site owner puts one in front of Vigil:
 * the site's pages need a Vigil login, and {@code /admin/} needs level 2 ({@code acr_values=2}, and the claim
 * {@code acr} 2 or the module signs the user in again). Every page prints the user and the {@code acr} and
 * {@code vigil_risk} claims the module passes to PHP. It runs on {@link ApacheHttpd}; {@link #close()} stops it.
 */
public final class ApacheSite implements RelyingPartySite {

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

    private static final String SITE = """
            DocumentRoot "%1$s/htdocs"
            DirectoryIndex index.php

            %2$s
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

    private final ApacheHttpd httpd;

    private ApacheSite(ApacheHttpd httpd) {
        this.httpd = httpd;
    }

    /** Starts the site as relying party {@code clientId} of the realm at {@code issuer}. */
    public static ApacheSite start(URI issuer, String clientId, String clientSecret) {
        int port = FreePorts.next();
        try {
            Path dir = Files.createTempDirectory(ItConfig.outputDir(), "apache-site-");
            // Apache's children run as www-data when the tests run as root: they must read the pages.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("htdocs/admin"));
            Files.writeString(dir.resolve("htdocs/index.php"), PAGE.formatted("Public page"));
            Files.writeString(dir.resolve("htdocs/admin/index.php"), PAGE.formatted("Admin page"));
            String site = SITE.formatted(dir, ApacheHttpd.relyingParty(issuer, clientId, clientSecret, port));
            return new ApacheSite(ApacheHttpd.start(dir, port, site));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI uri(String path) {
        return httpd.uri(path);
    }

    /** mod_auth_openidc's back-channel logout endpoint, for the client's {@code backchannel.logout.url}. */
    public URI backChannelLogoutUri() {
        return uri("/redirect_uri?logout=backchannel");
    }

    /** Signs out of the site and of Vigil (RP-initiated logout), then comes back to {@code returnTo}. */
    public URI logoutUri(URI returnTo) {
        return httpd.logoutUri(returnTo);
    }

    /** Apache's error log and console output, for failure messages. */
    @Override
    public String log() {
        return httpd.log();
    }

    @Override
    public void close() {
        httpd.close();
    }
}
