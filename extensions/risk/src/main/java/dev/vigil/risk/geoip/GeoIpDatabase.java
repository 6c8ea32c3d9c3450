package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;

/** The three MaxMind databases Vigil reads, each with its config key and a lookup to check its type. */
enum GeoIpDatabase {

    CITY("city", "GeoIP2 or GeoLite2 City (or Enterprise)", DatabaseReader::tryCity),
    ASN("asn", "GeoLite2 ASN", DatabaseReader::tryAsn),
    ANONYMOUS_IP("anonymous-ip", "GeoIP2 Anonymous IP", DatabaseReader::tryAnonymousIp);

    private final String label;
    private final String edition;
    private final Probe probe;

    GeoIpDatabase(String label, String edition, Probe probe) {
        this.label = label;
        this.edition = edition;
        this.probe = probe;
    }

    /** Short name, as shown in the server info. */
    String label() {
        return label;
    }

    /** Which MaxMind editions fit, for the option's help text. */
    String edition() {
        return edition;
    }

    /** Key in the provider's config scope: {@code spi-vigil-geoip--maxmind--<key>}. */
    String configKey() {
        return label + "-database";
    }

    /**
     * Looks one address up, for its side effect only: MaxMind's reader refuses (UnsupportedOperationException)
     * a lookup the database type does not support, which tells a wrongly configured file at startup.
     */
    void probe(DatabaseReader reader, InetAddress address) throws IOException, GeoIp2Exception {
        probe.lookUp(reader, address);
    }

    /** This database's MaxMind {@code try*} lookup, result ignored. */
    @FunctionalInterface
    private interface Probe {
        void lookUp(DatabaseReader reader, InetAddress address) throws IOException, GeoIp2Exception;
    }
}
