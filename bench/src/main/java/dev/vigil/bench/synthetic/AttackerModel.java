package dev.vigil.bench.synthetic;

import java.time.Instant;
import java.util.Random;

import dev.vigil.bench.synthetic.Devices.Profile;
import dev.vigil.bench.synthetic.Geography.City;
import dev.vigil.bench.synthetic.Geography.Country;
import dev.vigil.bench.synthetic.Geography.Provider;

/**
 * The attacker models of Wiefling et al. (2022), each holding the victim's correct password:
 * <ul>
 *   <li>{@link #NAIVE}: from anywhere attacks come from (home lines or hosting), with any browser;</li>
 *   <li>{@link #VPN}: knows the victim's country and takes a VPN exit (hosting) there, any browser;</li>
 *   <li>{@link #TARGETED}: knows the victim's city, browser (with its current version) and device type, and signs
 *       in from a home line in that city (possibly the victim's own provider), with the languages most people
 *       there use; their own device gives their own OS version, screen and so fingerprint, which can still
 *       collide with the victim's when both are common.</li>
 * </ul>
 * None knows the victim's usual hours: they sign in at any time of day. The anonymizer database is assumed not
 * to know the VPN exits (worst case), so no rule catches the VPN attacker by its network alone.
 */
public enum AttackerModel {

    NAIVE {
        @Override
        Login attack(LegitUser victim, Instant at, Geography world, Random random) {
            Country country = world.pickCountry(random, Country::attackWeight);
            City city = Geography.any(country.cities(), random);
            Provider provider = random.nextBoolean() ? country.hosting()
                    : Geography.pick(country.residential(), Provider::share, random);
            Profile profile = Devices.pickProfile(random);
            String languages = random.nextBoolean() ? "en-US,en" : LegitUser.languagesFor(country, random);
            return login(victim, at, provider, provider.locate(city), profile, olderOrCurrent(profile, at, random),
                    languages, provider.locate(city).zone(), random);
        }
    },

    VPN {
        @Override
        Login attack(LegitUser victim, Instant at, Geography world, Random random) {
            Country attackerHome = world.pickCountry(random, Country::attackWeight);
            Provider exit = victim.home().hosting();
            City exitCity = exit.locate(victim.homeCity());
            Profile profile = Devices.pickProfile(random);
            String languages = random.nextBoolean() ? "en-US,en" : LegitUser.languagesFor(attackerHome, random);
            String deviceZone = Geography.any(attackerHome.cities(), random).zone();
            return login(victim, at, exit, exitCity, profile, olderOrCurrent(profile, at, random), languages,
                    deviceZone, random);
        }
    },

    TARGETED {
        @Override
        Login attack(LegitUser victim, Instant at, Geography world, Random random) {
            City city = victim.homeCity();
            Provider provider = Geography.pick(city.country().residential(), Provider::share, random);
            Device known = victim.mainDevice();
            Profile profile = Devices.pickProfile(random, known.profile().browser, known.profile().deviceType);
            return login(victim, at, provider, city, profile, known.versionAt(at),
                    LegitUser.commonLanguages(city.country()), city.zone(), random);
        }
    };

    /** One attempt on the victim's account at that instant. */
    abstract Login attack(LegitUser victim, Instant at, Geography world, Random random);

    /** A browser up to three releases old: attack tools and unmanaged machines lag. */
    private static int olderOrCurrent(Profile profile, Instant at, Random random) {
        return profile.browser.versionAt(at) - random.nextInt(4);
    }

    private static Login login(LegitUser victim, Instant at, Provider provider, City geoCity, Profile profile,
                               int version, String languages, String deviceZone, Random random) {
        String screen = Devices.pickScreen(profile, random);
        return new Login(at, victim.id(), provider.ipv4(geoCity, random), geoCity.country().iso(), geoCity.region(),
                geoCity.name(), provider.asn(), profile.userAgent(version), profile.browserLabel(version), profile.os,
                profile.deviceType, false, languages, geoCity.zone(),
                Devices.fingerprint(profile, screen, deviceZone, languages), geoCity.latitude(), geoCity.longitude(),
                provider.accuracyRadiusKm(), true);
    }
}
