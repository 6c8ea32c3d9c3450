package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the integration tests need (set by failsafe from the POM). */
public final class ItConfig {

    private ItConfig() {
    }

    /** The assembled distribution, distribution/target/vigil-&lt;version&gt;. */
    public static Path vigilHome() {
        return existing("vigil.home");
    }

    public static Path tarball() {
        return existing("vigil.tarball");
    }

    public static String version() {
        return required("vigil.version");
    }

    /** The repository's docker/ folder: Dockerfile and compose.yaml. */
    public static Path dockerDir() {
        return existing("vigil.docker.dir");
    }

    /** MaxMind's GeoIP2 test databases, in the risk extension's test resources. */
    public static Path geoIpDir() {
        return existing("vigil.geoip.dir");
    }

    /** The client templates for site owners, realm-config/clients/ of the repository. */
    public static Path clientTemplatesDir() {
        return existing("vigil.client.templates.dir");
    }

    /** What the repository gives site owners besides client templates, sites/ (e.g. the WordPress must-use plugin). */
    public static Path sitesDir() {
        return existing("vigil.sites.dir");
    }

    /** The Node relying parties the tests start, distribution/src/test/node/ (package.json and lock each). */
    public static Path nodeSitesDir() {
        return existing("vigil.node.sites.dir");
    }

    /** Whether this run's servers use PostgreSQL ({@code -Dvigil.it.database=postgres}) instead of H2. */
    public static boolean onPostgres() {
        String database = System.getProperty("vigil.it.database", "h2");
        return switch (database) {
            case "h2" -> false;
            case "postgres" -> true;
            default -> throw new IllegalStateException("vigil.it.database is '" + database + "': use h2 or postgres");
        };
    }

    /** Folder for logs and screenshots of this run, under target/. */
    public static Path outputDir() {
        Path dir = Path.of(required("vigil.it.output"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String property) {
        Path path = Path.of(required(property)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist: run './mvnw verify'");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        return value;
    }
}
