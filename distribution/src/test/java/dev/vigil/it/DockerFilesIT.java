package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.it.support.ItConfig;
import dev.vigil.it.support.ProductionPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of docker/ without a Docker engine: the image runs the commands of the tested production
 * path (ProductionPathIT), on Keycloak's image of the same version, as a non-root user, with a health check on
 * the management port; and every option compose.yaml gives the servers is one they know.
 */
class DockerFilesIT {

    private static final Pattern EXEC_FORM = Pattern.compile("^(RUN|ENTRYPOINT|CMD)\\s+(\\[.*])\\s*$");
    private static final Pattern KC_VARIABLE = Pattern.compile("\\b(KC_[A-Z0-9_]+)\\s*:");
    private static final Pattern OPTION = Pattern.compile("\"--([a-z0-9-]+)=");
    private static final Pattern HELP_OPTION = Pattern.compile("^--([a-z0-9-]+)", Pattern.MULTILINE);
    private static final Pattern CONF_OPTION = Pattern.compile("^#?\\s*([a-z0-9-]+)=", Pattern.MULTILINE);

    private static List<String> dockerfile;
    private static String compose;
    private static Set<String> serverOptions;

    @BeforeAll
    static void readFilesAndTheServersOptions() throws Exception {
        Path docker = ItConfig.dockerDir();
        dockerfile = Files.readAllLines(docker.resolve("Dockerfile")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        compose = Files.readString(docker.resolve("compose.yaml"));
        serverOptions = optionsOfTheServer();
    }

    @Test
    void theImageIsBuiltAndStartedWithTheCommandsOfTheTestedProductionPath() {
        assertThat(execForms("RUN")).as("the image's build step").contains(ProductionPath.BUILD);
        String workdir = last("WORKDIR");
        assertThat(execForms("ENTRYPOINT")).containsExactly(List.of(workdir + "/" + ProductionPath.START.get(0)));
        assertThat(execForms("CMD")).containsExactly(ProductionPath.START.subList(1, ProductionPath.START.size()));
    }

    @Test
    void theImageStandsOnKeycloaksOwnImageOfTheSameVersionAndRunsAsNonRoot() throws IOException {
        String version = Files.readString(ItConfig.vigilHome().resolve("version.txt")).replaceAll("(?s).*Version\\s+", "").trim();
        assertThat(instructions("FROM")).isNotEmpty()
                .allSatisfy(from -> assertThat(from).startsWith("quay.io/keycloak/keycloak:" + version));
        assertThat(last("USER")).isNotIn("root", "0").matches("\\d+");
    }

    @Test
    void theImagesHealthCheckAsksTheManagementPortForReadiness() {
        String healthcheck = String.join(" ", dockerfile.stream()
                .dropWhile(line -> !line.startsWith("HEALTHCHECK")).limit(2).toList());
        assertThat(healthcheck).contains("/dev/tcp/127.0.0.1/9000", "GET /health/ready").doesNotContain("curl");
    }

    @Test
    void composeRunsTheTestedStartCommandWithTheDatabaseInTheEnvironment() {
        assertThat(compose).contains("command: [\"" + String.join("\", \"", ProductionPath.START.subList(1, ProductionPath.START.size())));
        ProductionPath.BEHIND_PROXY.forEach(option -> assertThat(compose).contains("\"" + option + "\""));
        ProductionPath.DATABASE_ENVIRONMENT.forEach(variable -> assertThat(compose).contains(variable + ":"));
        Matcher trusted = Pattern.compile("--proxy-trusted-addresses=([0-9.]+)/32").matcher(compose);
        assertThat(trusted.find()).as("the nodes trust forwarded headers from one address").isTrue();
        assertThat(compose).as("the load balancer has the trusted address").contains("ipv4_address: " + trusted.group(1));
    }

    @Test
    void everyOptionComposeGivesTheServersIsOneTheServerKnows() {
        Set<String> given = new LinkedHashSet<>();
        KC_VARIABLE.matcher(compose).results().map(match -> optionOf(match.group(1))).forEach(given::add);
        OPTION.matcher(compose).results().map(match -> match.group(1)).forEach(given::add);

        assertThat(given).as("options found in compose.yaml").contains("db-url", "hostname", "proxy-headers",
                "spi-vigil-geoip--maxmind--city-database");
        assertThat(given).allSatisfy(option -> assertThat(serverOptions).as("an option of the server").contains(option));
    }

    /** KC_SPI_VIGIL_GEOIP__MAXMIND__CITY_DATABASE is spi-vigil-geoip--maxmind--city-database, as Keycloak maps them. */
    private static String optionOf(String variable) {
        return variable.substring("KC_".length()).toLowerCase(Locale.ROOT).replace("__", "\u0000").replace('_', '-')
                .replace("\u0000", "--");
    }

    /**
     * Keycloak's options as {@code kc.sh start --help-all} of the assembled server lists them, and the SPI options
     * Vigil's providers read, as the server's own keycloak.conf documents them (Keycloak does not list those).
     */
    private static Set<String> optionsOfTheServer() throws Exception {
        Process help = new ProcessBuilder(ItConfig.vigilHome().resolve("bin/kc.sh").toString(), "start", "--optimized", "--help-all")
                .redirectErrorStream(true).start();
        String output = new String(help.getInputStream().readAllBytes());
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Set<String> options = new LinkedHashSet<>();
        HELP_OPTION.matcher(output).results().map(match -> match.group(1)).forEach(options::add);
        assertThat(options).as("kc.sh start --help-all").contains("db-url", "hostname");
        CONF_OPTION.matcher(Files.readString(ItConfig.vigilHome().resolve("conf/keycloak.conf"))).results()
                .map(match -> match.group(1)).filter(option -> option.startsWith("spi-vigil-")).forEach(options::add);
        return options;
    }

    private static List<List<String>> execForms(String instruction) {
        ObjectMapper json = new ObjectMapper();
        List<List<String>> forms = new ArrayList<>();
        for (String line : dockerfile) {
            Matcher form = EXEC_FORM.matcher(line);
            if (form.matches() && form.group(1).equals(instruction)) {
                try {
                    forms.add(json.readValue(form.group(2), new TypeReference<List<String>>() { }));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON exec form: " + line, e);
                }
            }
        }
        return forms;
    }

    private static List<String> instructions(String instruction) {
        return dockerfile.stream().filter(line -> line.startsWith(instruction + " "))
                .map(line -> line.substring(instruction.length() + 1).trim().split("\\s+")[0]).toList();
    }

    private static String last(String instruction) {
        List<String> values = instructions(instruction);
        assertThat(values).as(instruction).isNotEmpty();
        return values.get(values.size() - 1);
    }
}
