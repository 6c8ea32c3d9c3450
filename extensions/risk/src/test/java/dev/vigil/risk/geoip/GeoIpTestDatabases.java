package dev.vigil.risk.geoip;

import java.nio.file.Path;

/** MaxMind's official test databases in this module's src/test/resources/maxmind (see its README.md and the *.json sources). */
final class GeoIpTestDatabases {

    static final Path DIR = Path.of(System.getProperty("vigil.geoip.dir", "src/test/resources/maxmind"));

    static final String CITY = DIR.resolve("GeoIP2-City-Test.mmdb").toString();
    static final String ASN = DIR.resolve("GeoLite2-ASN-Test.mmdb").toString();
    static final String ANONYMOUS_IP = DIR.resolve("GeoIP2-Anonymous-IP-Test.mmdb").toString();
    /** City-compatible, with other places than CITY: 74.209.24.0/24 is Chatham US, 81.2.69.142 is not in it. */
    static final String ENTERPRISE = DIR.resolve("GeoIP2-Enterprise-Test.mmdb").toString();

    private GeoIpTestDatabases() {
    }
}
