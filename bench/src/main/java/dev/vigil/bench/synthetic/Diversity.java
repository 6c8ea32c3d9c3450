package dev.vigil.bench.synthetic;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.vigil.bench.synthetic.Devices.Profile;
import dev.vigil.bench.synthetic.Geography.City;
import dev.vigil.bench.synthetic.Geography.Country;

/**
 * How varied the legitimate users are. In a {@link #RICH} world they live in 15 countries and use every browser
 * profile in proportion to its market share; in a {@link #LOW} one (a regional service: a town hall, a local
 * bank) they all live in two French cities and use three browser profiles, so that their networks, places,
 * browsers and languages look alike and a user's own values tell them apart less. Attackers come from the whole
 * world in both.
 */
public enum Diversity {

    RICH {
        @Override
        Country homeCountry(Geography world, Random random) {
            return world.pickCountry(random, Country::userWeight);
        }

        @Override
        City homeCity(Country home, Random random) {
            return Geography.any(home.cities(), random);
        }

        @Override
        City tripCity(Geography world, Country home, Random random) {
            Country destination = random.nextDouble() < 0.6 ? home : world.pickCountry(random, Country::userWeight);
            return Geography.any(destination.cities(), random);
        }

        @Override
        Profile pickProfile(Random random) {
            return Devices.pickProfile(random);
        }
    },

    LOW {
        private static final List<Profile> PROFILES = List.of(Profile.WINDOWS_CHROME, Profile.ANDROID_CHROME,
                Profile.IPHONE_SAFARI);

        @Override
        Country homeCountry(Geography world, Random random) {
            return world.countries().stream().filter(country -> country.iso().equals("FR")).findFirst().orElseThrow();
        }

        @Override
        City homeCity(Country home, Random random) {
            return Geography.any(home.cities().subList(0, 2), random);
        }

        @Override
        City tripCity(Geography world, Country home, Random random) {
            return homeCity(home, random);
        }

        @Override
        Profile pickProfile(Random random) {
            return Geography.pick(PROFILES, profile -> profile.weight, random);
        }

        @Override
        Profile pickProfile(Random random, String deviceType) {
            return deviceType.equals("tablet") ? Profile.ANDROID_TABLET_CHROME : super.pickProfile(random, deviceType);
        }
    };

    abstract Country homeCountry(Geography world, Random random);

    abstract City homeCity(Country home, Random random);

    /** Where a trip goes. */
    abstract City tripCity(Geography world, Country home, Random random);

    /** A browser profile for a new device. */
    abstract Profile pickProfile(Random random);

    /** A browser profile for a new device of that type ({@code desktop}, {@code mobile}, {@code tablet}). */
    Profile pickProfile(Random random, String deviceType) {
        Profile profile;
        do {
            profile = pickProfile(random);
        } while (!profile.deviceType.equals(deviceType));
        return profile;
    }

    /** As given on the command line: {@code rich} or {@code low}. */
    public static Diversity of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
