package dev.vigil.risk.signal;

import java.net.InetAddress;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.risk.geoip.GeoIpProvider;
import dev.vigil.risk.geoip.GeoLocation;
import dev.vigil.risk.model.ImpossibleTravel;

/**
 * Where the login comes from, from GeoIP2 City: country, city (as "City, CC"), time zone, and the place
 * (coordinates with their accuracy radius), and whether getting there from the last successful login's place
 * in the time between them would be impossible travel.
 */
final class PlaceSignal implements RiskSignal {

    private final GeoIpProvider geoIp;

    PlaceSignal(GeoIpProvider geoIp) {
        this.geoIp = geoIp;
    }

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        if (!login.collects(Feature.COUNTRY) && !login.collects(Feature.CITY) && !login.collects(Feature.TIME_ZONE)) {
            return;
        }
        Optional<InetAddress> address = login.clientAddress();
        address.flatMap(geoIp::locate).ifPresent(location -> observe(login, location, evidence));
        evidence.place().ifPresent(here -> login.lastSignIn().ifPresent(last -> {
            ImpossibleTravel.Verdict travel = new ImpossibleTravel(login.config().maxTravelSpeedKmh())
                    .check(last.place(), last.at(), here, login.now());
            evidence.travel(travel.impossible(), travel.speedKmh());
        }));
    }

    private static void observe(LoginContext login, GeoLocation location, Evidence evidence) {
        if (login.collects(Feature.COUNTRY)) {
            evidence.observe(Feature.COUNTRY, location.countryIso());
        }
        if (login.collects(Feature.TIME_ZONE)) {
            evidence.observe(Feature.TIME_ZONE, location.timeZone());
        }
        if (login.collects(Feature.CITY) && location.city() != null) {
            String city = location.countryIso() == null ? location.city() : location.city() + ", " + location.countryIso();
            evidence.observe(Feature.CITY, city);
            evidence.place(new Place(location.latitude(), location.longitude(), location.accuracyRadiusKm(), "near " + city));
        } else if (login.collects(Feature.COUNTRY) && location.countryIso() != null) {
            evidence.place(new Place(null, null, null, location.countryIso()));
        }
    }
}
