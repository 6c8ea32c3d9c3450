package dev.vigil.risk.geoip;

import com.maxmind.geoip2.model.AnonymousIpResponse;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Location;

/** Maps MaxMind responses to Vigil's records, so that no MaxMind type crosses the SPI. */
final class MaxMindResults {

    private MaxMindResults() {
    }

    // geoip2 5.x fills absent sub-records with empty ones, so only leaf values can be null.
    static GeoLocation location(CityResponse response) {
        Location location = response.location();
        return new GeoLocation(
                response.country().isoCode(),
                response.city().name(),
                location.latitude(),
                location.longitude(),
                location.accuracyRadius(),
                location.timeZone());
    }

    static NetworkOwner owner(AsnResponse response) {
        return new NetworkOwner(response.autonomousSystemNumber(), response.autonomousSystemOrganization());
    }

    static AnonymizerFlags flags(AnonymousIpResponse response) {
        return new AnonymizerFlags(
                response.isAnonymous(),
                response.isAnonymousVpn(),
                response.isTorExitNode(),
                response.isPublicProxy(),
                response.isHostingProvider(),
                response.isResidentialProxy());
    }
}
