package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.vigil.it.support.ItConfig;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** The assembled tree and its tarball hold exactly what users need to run Vigil. */
class DistributionLayoutIT {

    /**
     * providers/ jars are named artifactId-version[-classifier].jar, Keycloak's lib/lib/main ones
     * groupId.artifactId-version[-classifier].jar: the name ends where "-" and a digit begin the version.
     */
    private static final Pattern JAR = Pattern.compile("(.+?)-\\d.*\\.jar");

    private final Path home = ItConfig.vigilHome();

    @Test
    void providersHoldVigilsExtensionsAndTheLibrariesKeycloakLacks() throws IOException {
        assertThat(artifactIds(home.resolve("providers")))
                .contains("vigil-api", "vigil-otp", "vigil-risk", "vigil-privacy", "geoip2", "maxmind-db", "nimbus-jose-jwt");
    }

    @Test
    void noProviderLibraryClashesWithOneKeycloakShips() throws IOException {
        Set<String> keycloakLibraries = artifactIds(home.resolve("lib/lib/main"));

        assertThat(artifactIds(home.resolve("providers")))
                .as("libraries in providers/ that Keycloak already ships in lib/lib/main")
                .noneMatch(artifactId -> keycloakLibraries.stream()
                        .anyMatch(library -> library.endsWith("." + artifactId)));
        assertThat(keycloakLibraries).as("sanity: Keycloak's own Jackson is seen")
                .contains("com.fasterxml.jackson.core.jackson-databind");
    }

    @Test
    void holdsConfigurationThemeAndDemoRealm() throws IOException {
        assertThat(Files.readString(home.resolve("conf/keycloak.conf")))
                .contains("health-enabled=true")
                .contains("spi-vigil-geoip--maxmind--city-database");
        assertThat(home.resolve("themes/vigil/login/theme.properties")).content().contains("parent=keycloak.v2");
        assertThat(home.resolve("themes/vigil/login/messages")).isDirectoryContaining("glob:**messages_{en,fr,de}.properties");
        assertThat(home.resolve("data/import/vigil-demo-realm.json")).content().contains("\"realm\": \"vigil-demo\"");
    }

    @Test
    void isPreBuiltForOptimizedStart() {
        assertThat(home.resolve("lib/quarkus/build-system.properties")).isRegularFile();
        assertThat(home.resolve("lib/quarkus/quarkus-application.dat")).isRegularFile();
    }

    @Test
    void tarballHoldsTheTreeWithExecutableScriptsAndNoRunData() throws IOException {
        String root = "vigil-" + ItConfig.version() + "/";
        Map<String, TarArchiveEntry> entries = tarEntries(ItConfig.tarball());

        assertThat(entries).containsKeys(root + "bin/kc.sh", root + "conf/keycloak.conf",
                root + "data/import/vigil-demo-realm.json", root + "lib/quarkus/build-system.properties",
                root + "themes/vigil/login/theme.properties");
        assertThat(entries.keySet()).anyMatch(name -> name.matches(root + "providers/vigil-otp-.*\\.jar"));
        assertThat(entries.get(root + "bin/kc.sh").getMode() & 0111).as("kc.sh is executable").isNotZero();
        assertThat(entries.keySet()).noneMatch(name -> name.startsWith(root + "data/h2/"));
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/kc.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** Site owners find what docs/sites.md promises in the tarball: the guide, the client templates, the WordPress plugin. */
    @Test
    void tarballHoldsWhatSiteOwnersNeed() throws IOException {
        String sites = "vigil-" + ItConfig.version() + "/sites/";
        Map<String, TarArchiveEntry> entries = tarEntries(ItConfig.tarball());

        assertThat(entries).containsKeys(sites + "sites.md", sites + "wordpress/vigil-remote-user.php");
        try (Stream<Path> templates = Files.list(ItConfig.clientTemplatesDir())) {
            assertThat(templates.map(template -> sites + "clients/" + template.getFileName()))
                    .isNotEmpty()
                    .allSatisfy(template -> assertThat(entries).containsKey(template));
        }
    }

    private static Set<String> artifactIds(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
            Set<String> ids = new TreeSet<>();
            for (String name : names) {
                Matcher matcher = JAR.matcher(name);
                assertThat(matcher.matches()).as("versioned jar name %s", name).isTrue();
                ids.add(matcher.group(1));
            }
            return ids;
        }
    }

    private static Map<String, TarArchiveEntry> tarEntries(Path tarball) throws IOException {
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }
}
