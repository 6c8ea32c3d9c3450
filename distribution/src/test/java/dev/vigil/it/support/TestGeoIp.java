package dev.vigil.it.support;

import java.util.List;

/** MaxMind's GeoIP2 test databases (in the risk extension's test resources) and the server options naming them. */
public final class TestGeoIp {

    public static final String CITY = "GeoIP2-City-Test.mmdb";
    public static final String ASN = "GeoLite2-ASN-Test.mmdb";
    public static final String ANONYMOUS_IP = "GeoIP2-Anonymous-IP-Test.mmdb";
    public static final List<String> FILES = List.of(CITY, ASN, ANONYMOUS_IP);

    private TestGeoIp() {
    }

    /** The options for this City database and the ASN and Anonymous-IP test databases in {@code directory}. */
    public static List<String> options(String cityDatabase, String directory) {
        return List.of(
                "--spi-vigil-geoip--maxmind--city-database=" + cityDatabase,
                "--spi-vigil-geoip--maxmind--asn-database=" + directory + "/" + ASN,
                "--spi-vigil-geoip--maxmind--anonymous-ip-database=" + directory + "/" + ANONYMOUS_IP);
    }
}
