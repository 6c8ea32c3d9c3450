package dev.vigil.risk.geoip;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three databases, each opened from its configured file and reopened when that file is replaced. A database
 * that is unset, missing or unusable is left out with a WARN rather than failing the server: its lookups then
 * answer "unknown", which the risk model treats as an unseen value.
 */
final class GeoIpDatabases implements AutoCloseable {

    private final WatchedDatabase<GeoLocation> city;
    private final WatchedDatabase<NetworkOwner> asn;
    private final WatchedDatabase<AnonymizerFlags> anonymousIp;

    private GeoIpDatabases(WatchedDatabase<GeoLocation> city, WatchedDatabase<NetworkOwner> asn,
                           WatchedDatabase<AnonymizerFlags> anonymousIp) {
        this.city = city;
        this.asn = asn;
        this.anonymousIp = anonymousIp;
    }

    static GeoIpDatabases open(MaxMindSettings settings, Clock clock) {
        return new GeoIpDatabases(
                WatchedDatabase.open(GeoIpDatabase.CITY,
                        (reader, address) -> reader.tryCity(address).map(MaxMindResults::location), settings, clock),
                WatchedDatabase.open(GeoIpDatabase.ASN,
                        (reader, address) -> reader.tryAsn(address)
                                .filter(response -> response.autonomousSystemNumber() != null)
                                .map(MaxMindResults::owner), settings, clock),
                WatchedDatabase.open(GeoIpDatabase.ANONYMOUS_IP,
                        (reader, address) -> reader.tryAnonymousIp(address).map(MaxMindResults::flags), settings, clock));
    }

    WatchedDatabase<GeoLocation> city() {
        return city;
    }

    WatchedDatabase<NetworkOwner> asn() {
        return asn;
    }

    WatchedDatabase<AnonymizerFlags> anonymousIp() {
        return anonymousIp;
    }

    /**
     * Per database label: its type and build date, {@value OpenedDatabase#NOT_CONFIGURED} or
     * {@value OpenedDatabase#UNAVAILABLE}reason; and {@code <label>-warning} when there is something to act on.
     */
    Map<String, String> states() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (GeoIpDatabase database : GeoIpDatabase.values()) {
            WatchedDatabase<?> watched = watched(database);
            byLabel.put(database.label(), watched.state());
            watched.warning().ifPresent(warning -> byLabel.put(database.label() + "-warning", warning));
        }
        return byLabel;
    }

    private WatchedDatabase<?> watched(GeoIpDatabase database) {
        return switch (database) {
            case CITY -> city;
            case ASN -> asn;
            case ANONYMOUS_IP -> anonymousIp;
        };
    }

    @Override
    public void close() {
        for (GeoIpDatabase database : GeoIpDatabase.values()) {
            watched(database).close();
        }
    }
}
