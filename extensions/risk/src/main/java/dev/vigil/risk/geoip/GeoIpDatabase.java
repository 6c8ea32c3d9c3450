package dev.vigil.risk.geoip;

/** The three MaxMind databases Vigil reads, each with its config key. */
enum GeoIpDatabase {

    CITY("city", "GeoIP2 or GeoLite2 City (or Enterprise)"),
    ASN("asn", "GeoLite2 ASN"),
    ANONYMOUS_IP("anonymous-ip", "GeoIP2 Anonymous IP");

    private final String label;
    private final String edition;

    GeoIpDatabase(String label, String edition) {
        this.label = label;
        this.edition = edition;
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
}
