package dev.vigil.it.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.dockerjava.api.model.Network;

/**
 * How each Vigil container of {@link ContainerCluster} is configured, as plain data so that it is checked without a
 * Docker engine: what the image's entry point ({@code bin/kc.sh}) is given, the environment, and the files copied in.
 * The nodes start as the loopback nodes do (the tested production command, behind the load balancer, the demo realm
 * imported, MaxMind's test databases), except that the forwarded headers are believed from the test's own Docker
 * network: a container sees the test's requests coming from that network's gateway, never from 127.0.0.1.
 *
 * @param publicUri the load balancer's URL, the nodes' hostname
 * @param trustedNetworks the subnets of the Docker network the nodes are on
 * @param database the database as the nodes reach it, on the Docker network
 * @param adminPassword of the bootstrap admin the first node creates
 * @param options further {@code kc.sh start} options, the same for every node
 */
public record ContainerNodeSettings(URI publicUri, List<String> trustedNetworks, ServerDatabase database,
        String adminPassword, List<String> options) {

    /** The image's Keycloak HTTP port. */
    public static final int HTTP_PORT = 8080;
    /** The image's WORKDIR, where the distribution is. */
    static final String HOME = "/opt/vigil";
    static final String OUTBOX_FILE = HOME + "/data/vigil-outbox/outbox.jsonl";
    static final String IMPORT_DIR = HOME + "/data/import";
    static final String GEOIP_DIR = "/opt/vigil-it/geoip";

    public ContainerNodeSettings {
        Objects.requireNonNull(publicUri, "publicUri");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(adminPassword, "adminPassword");
        if (trustedNetworks.isEmpty()) {
            throw new IllegalArgumentException("the nodes' Docker network has no subnet to believe forwarded headers from");
        }
        trustedNetworks = List.copyOf(trustedNetworks);
        options = List.copyOf(options);
    }

    /** The subnets of a Docker network, from its IPAM configuration. */
    public static List<String> subnetsOf(Network.Ipam ipam) {
        if (ipam == null || ipam.getConfig() == null) {
            return List.of();
        }
        return ipam.getConfig().stream().map(Network.Ipam.Config::getSubnet).filter(Objects::nonNull).toList();
    }

    /** The arguments of the image's entry point, {@code bin/kc.sh}. */
    public List<String> command() {
        List<String> command = new ArrayList<>(ProductionPath.START.subList(1, ProductionPath.START.size()));
        command.add("--hostname=" + publicUri);
        command.addAll(ProductionPath.BEHIND_PROXY);
        command.add("--proxy-trusted-addresses=" + String.join(",", trustedNetworks));
        command.add("--import-realm");
        command.add("--spi-vigil-otp-sender--outbox--directory=" + OUTBOX_FILE.substring(0, OUTBOX_FILE.lastIndexOf('/')));
        command.addAll(TestGeoIp.options(GEOIP_DIR + "/" + TestGeoIp.CITY, GEOIP_DIR));
        command.addAll(options);
        return command;
    }

    /** The database in {@code KC_DB_*}, as the production path gives it, and the bootstrap admin. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KC_DB_URL", database.jdbcUrl());
        environment.put("KC_DB_USERNAME", database.username());
        environment.put("KC_DB_PASSWORD", database.password());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", VigilServer.ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return environment;
    }

    /**
     * The host files copied into every container before it starts, by their path in the container: the realm to
     * import (the image leaves out the distribution's demo realm) and MaxMind's test databases.
     */
    public static Map<String, Path> files(Path realmImport, Path geoIpDir) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(IMPORT_DIR + "/" + realmImport.getFileName(), realmImport);
        TestGeoIp.FILES.forEach(file -> files.put(GEOIP_DIR + "/" + file, geoIpDir.resolve(file)));
        return files;
    }
}
