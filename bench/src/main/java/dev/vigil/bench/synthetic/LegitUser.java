package dev.vigil.bench.synthetic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.vigil.bench.synthetic.Devices.Profile;
import dev.vigil.bench.synthetic.Geography.City;
import dev.vigil.bench.synthetic.Geography.Country;
import dev.vigil.bench.synthetic.Geography.Provider;

/**
 * A legitimate user and their habits: a home line with a dynamic address in a few /24s (and an IPv6 /48 on
 * dual-stack lines), sometimes an office, one to three devices whose browsers update themselves, mobile data
 * on the phone, one or two usual times of day, and now and then a trip (hotel Wi-Fi, roaming) or a new device.
 * Each call to {@link #next()} is the user's next successful login.
 */
public final class LegitUser {

    private static final double TRIP_PROBABILITY = 0.03;
    private static final double NEW_DEVICE_PROBABILITY = 0.005;

    private final String id;
    private final Random random;
    private final Geography world;
    private final Diversity diversity;
    private final Country home;
    private final City homeCity;
    private final Provider homeProvider;
    private final List<String> homeNetworks = new ArrayList<>();
    private final String ipv6Site;
    private final String officeIp;
    private final List<Device> devices = new ArrayList<>();
    private final String languages;
    private final double[] usualHours;
    private final double hourSpread;
    private final double meanDaysBetweenLogins;

    private String homeIp;
    private Instant clock;
    private City tripCity;
    private Instant tripEnd;
    private int devicesBought;
    private int lastDevice = -1;

    LegitUser(String id, Random random, Geography world, Diversity diversity, Instant start) {
        this.id = id;
        this.random = random;
        this.world = world;
        this.diversity = diversity;
        this.home = diversity.homeCountry(world, random);
        this.homeCity = diversity.homeCity(home, random);
        this.homeProvider = Geography.pick(home.residential(), Provider::share, random);
        this.homeNetworks.add(homeProvider.ipv4Network(homeCity, random));
        if (random.nextDouble() < 0.3) {
            homeNetworks.add(homeProvider.ipv4Network(homeCity, random));
        }
        this.homeIp = newHomeIp();
        this.ipv6Site = homeProvider.ipv6Prefix() != null && random.nextDouble() < 0.5
                ? homeProvider.ipv6Site(random) : null;
        this.officeIp = random.nextDouble() < 0.35 ? home.business().ipv4(homeCity, random) : null;
        this.languages = languagesFor(home, random);
        this.usualHours = random.nextDouble() < 0.5
                ? new double[] {7 + 3 * random.nextDouble()}
                : new double[] {7 + 3 * random.nextDouble(), 18 + 4 * random.nextDouble()};
        this.hourSpread = 0.75 + 1.25 * random.nextDouble();
        this.meanDaysBetweenLogins = 0.5 + 4.5 * random.nextDouble();
        this.clock = start.plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
        buyDevices();
    }

    public String id() {
        return id;
    }

    Country home() {
        return home;
    }

    City homeCity() {
        return homeCity;
    }

    /** The device the user signs in with most. */
    Device mainDevice() {
        return devices.stream().max(java.util.Comparator.comparingDouble(Device::weight)).orElseThrow();
    }

    /**
     * The device (browser profile) of the last login: a number unique to this user, new when a device is replaced,
     * so a replaced device does not inherit the old one's cookies.
     */
    public int lastDevice() {
        return lastDevice;
    }

    /** The user's next login, later than every earlier one. */
    public Login next() {
        Instant at = nextInstant();
        if (tripEnd != null && at.isAfter(tripEnd)) {
            tripCity = null;
            tripEnd = null;
        }
        if (tripCity == null && random.nextDouble() < TRIP_PROBABILITY) {
            startTrip(at);
        }
        if (random.nextDouble() < NEW_DEVICE_PROBABILITY) {
            replaceDevice();
        }
        return tripCity != null ? travelling(at) : atHome(at);
    }

    private Login atHome(Instant at) {
        Device device = pickDevice(false);
        if (device.profile().mobile() && random.nextDouble() < 0.35) {
            Provider mobile = home.mobile();
            return login(at, mobile.ipv4(homeCity, random), mobile, mobile.locate(homeCity), device, homeCity);
        }
        if (officeIp != null && !device.profile().mobile() && working(at)) {
            Provider office = home.business();
            return login(at, officeIp, office, homeCity, device, homeCity);
        }
        if (ipv6Site != null && random.nextDouble() < 0.6) {
            return login(at, ipv6Site + ":" + hex() + ":" + hex() + ":" + hex() + ":" + hex() + ":" + hex(),
                    homeProvider, homeCity, device, homeCity);
        }
        if (random.nextDouble() < 0.02) {
            homeNetworks.add(homeProvider.ipv4Network(homeCity, random)); // the provider moved the line
        }
        if (random.nextDouble() < 0.15) {
            homeIp = newHomeIp();
        }
        return login(at, homeIp, homeProvider, homeCity, device, homeCity);
    }

    private Login travelling(Instant at) {
        Device device = pickDevice(true);
        if (device.profile().mobile() && random.nextDouble() < 0.5) {
            // Roaming: the home carrier's address, wherever the phone is.
            Provider mobile = home.mobile();
            return login(at, mobile.ipv4(homeCity, random), mobile, mobile.locate(homeCity), device, tripCity);
        }
        Provider hotel = Geography.pick(tripCity.country().residential(), Provider::share, random);
        return login(at, hotel.ipv4(tripCity, random), hotel, tripCity, device, tripCity);
    }

    private Login login(Instant at, String ip, Provider provider, City geoCity, Device device, City whereabouts) {
        int version = device.versionAt(at);
        lastDevice = device.id();
        // Phones follow the local time zone; computers keep the one they were set up with.
        String deviceZone = device.profile().mobile() ? whereabouts.zone() : homeCity.zone();
        return new Login(at, id, ip, geoCity.country().iso(), geoCity.region(), geoCity.name(), provider.asn(),
                device.profile().userAgent(version), device.profile().browserLabel(version), device.profile().os,
                device.profile().deviceType, true, languages, geoCity.zone(),
                Devices.fingerprint(device.profile(), device.screen(), deviceZone, languages),
                geoCity.latitude(), geoCity.longitude(), provider.accuracyRadiusKm(), false);
    }

    /** Days apart by an exponential law, at one of the user's usual hours in the local time of where they are. */
    private Instant nextInstant() {
        ZoneId zone = ZoneId.of(tripCity != null ? tripCity.zone() : homeCity.zone());
        double days = -Math.log(1 - random.nextDouble()) * meanDaysBetweenLogins;
        LocalDate date = clock.plus(Duration.ofMinutes((long) (days * 24 * 60))).atZone(zone).toLocalDate();
        double hour = usualHours[random.nextInt(usualHours.length)] + random.nextGaussian() * hourSpread;
        hour = ((hour % 24) + 24) % 24;
        Instant at = ZonedDateTime.of(date, LocalTime.ofSecondOfDay((long) (hour * 3600)), zone).toInstant();
        if (!at.isAfter(clock)) {
            at = clock.plus(Duration.ofMinutes(5 + random.nextInt(120)));
        }
        clock = at;
        return at;
    }

    private boolean working(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(homeCity.zone()));
        boolean weekday = local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
        return weekday && local.getHour() >= 8 && local.getHour() < 18 && random.nextDouble() < 0.8;
    }

    private void startTrip(Instant at) {
        tripCity = diversity.tripCity(world, home, random);
        tripEnd = at.plus(Duration.ofHours(48 + random.nextInt(8 * 24)));
    }

    private Device pickDevice(boolean travelling) {
        List<Device> usable = travelling ? devices.stream().filter(Device::portable).toList() : devices;
        return Geography.pick(usable.isEmpty() ? devices : usable, Device::weight, random);
    }

    private void buyDevices() {
        boolean computer = random.nextDouble() < 0.85;
        boolean phone = !computer || random.nextDouble() < 0.8;
        if (computer) {
            devices.add(device(diversity.pickProfile(random, "desktop"), 0.6));
        }
        if (phone) {
            devices.add(device(diversity.pickProfile(random, "mobile"), 0.4));
        }
        if (random.nextDouble() < 0.1) {
            devices.add(device(Profile.ANDROID_TABLET_CHROME, 0.1));
        }
    }

    private void replaceDevice() {
        Device old = Geography.any(devices, random);
        devices.set(devices.indexOf(old), device(diversity.pickProfile(random, old.profile().deviceType), old.weight()));
    }

    private Device device(Profile profile, double weight) {
        boolean portable = profile.mobile() || random.nextDouble() < 0.5;
        return new Device(devicesBought++, profile, Devices.pickScreen(profile, random), random.nextInt(15), weight, portable);
    }

    private String newHomeIp() {
        return Geography.any(homeNetworks, random) + "." + (1 + random.nextInt(254));
    }

    private String hex() {
        return Integer.toHexString(random.nextInt(0x10000));
    }

    /** An Accept-Language list typical of the country: its language, often with English, sometimes English only. */
    static String languagesFor(Country country, Random random) {
        String native1 = nativeTag(country);
        double r = random.nextDouble();
        if (r < 0.5) {
            return native1 + "," + country.language();
        }
        if (r < 0.85 && !country.language().equals("en")) {
            return native1 + "," + country.language() + ",en-US,en";
        }
        return "en-US,en";
    }

    /** The country's most common list, what someone living there most likely sends. */
    static String commonLanguages(Country country) {
        return nativeTag(country) + "," + country.language();
    }

    private static String nativeTag(Country country) {
        return country.language() + "-" + country.iso();
    }
}
