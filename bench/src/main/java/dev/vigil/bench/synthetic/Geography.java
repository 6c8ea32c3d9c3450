package dev.vigil.bench.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * A small synthetic Internet: countries with real cities (coordinates, time zones) and their providers, each
 * with its own address blocks, so that addresses, networks, ASNs and places stay consistent with each other.
 * Residential and business providers hold a /16 per city (a /32 for IPv6); mobile carriers geolocate to their
 * hub city with a wide accuracy radius, as real mobile ranges do; hosting providers (VPN exits) sit in the
 * capital.
 */
public final class Geography {

    /** A city: where GeoIP puts an address. */
    public record City(String name, String region, Country country, double latitude, double longitude, String zone) {
    }

    /** A country, its language and how likely users and attackers come from it. */
    public record Country(String iso, String language, double userWeight, double attackWeight, List<City> cities,
                          List<Provider> providers) {

        // Cities and providers point back at their country: identity by ISO code keeps equals and hashCode finite.
        @Override
        public boolean equals(Object other) {
            return other instanceof Country country && country.iso.equals(iso);
        }

        @Override
        public int hashCode() {
            return iso.hashCode();
        }

        @Override
        public String toString() {
            return iso;
        }

        Provider hosting() {
            return providers.stream().filter(p -> p.kind() == Kind.HOSTING).findFirst().orElseThrow();
        }

        Provider mobile() {
            return providers.stream().filter(p -> p.kind() == Kind.MOBILE).findFirst().orElseThrow();
        }

        List<Provider> residential() {
            return providers.stream().filter(p -> p.kind() == Kind.RESIDENTIAL).toList();
        }

        Provider business() {
            return providers.stream().filter(p -> p.kind() == Kind.BUSINESS).findFirst().orElseThrow();
        }
    }

    public enum Kind {
        RESIDENTIAL, BUSINESS, MOBILE, HOSTING
    }

    /**
     * A network provider (an autonomous system).
     *
     * @param share       its share of residential customers in its country
     * @param blocks      per city name: the first two octets of its /16 there (a single hub city for mobile and
     *                    hosting providers)
     * @param ipv6Prefix  its IPv6 /32, e.g. {@code 2a10:3}, or null when it gives no IPv6
     */
    public record Provider(long asn, String name, Kind kind, double share, Country country, Map<String, int[]> blocks,
                           String ipv6Prefix) {

        /** The city GeoIP puts an address of this provider in, given where its customer is. */
        City locate(City customerCity) {
            return blocks.containsKey(customerCity.name()) ? customerCity : country.cities().get(0);
        }

        /** A random address of this provider in (or for) that city. */
        String ipv4(City city, Random random) {
            int[] block = blocks.get(locate(city).name());
            return block[0] + "." + block[1] + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }

        /** A /24 of this provider in that city, as its first three octets. */
        String ipv4Network(City city, Random random) {
            int[] block = blocks.get(locate(city).name());
            return block[0] + "." + block[1] + "." + random.nextInt(256);
        }

        /** A customer's IPv6 /48, as its first three groups. */
        String ipv6Site(Random random) {
            return ipv6Prefix + ":" + Integer.toHexString(random.nextInt(0x10000));
        }

        /** GeoIP's accuracy radius for this provider's addresses, km. */
        int accuracyRadiusKm() {
            return kind == Kind.MOBILE ? 200 : kind == Kind.HOSTING ? 50 : 20;
        }
    }

    private final List<Country> countries = new ArrayList<>();

    private Geography() {
    }

    /** The fixed world every run uses. */
    public static Geography world() {
        Geography world = new Geography();
        Allocator allocator = new Allocator();
        world.country(allocator, "DE", "de", 20, 5,
                city("Berlin", "BE", 52.520, 13.405, "Europe/Berlin"), city("Munich", "BY", 48.137, 11.575, "Europe/Berlin"),
                city("Hamburg", "HH", 53.551, 9.993, "Europe/Berlin"), city("Cologne", "NW", 50.938, 6.960, "Europe/Berlin"));
        world.country(allocator, "FR", "fr", 18, 5,
                city("Paris", "IDF", 48.857, 2.352, "Europe/Paris"), city("Lyon", "ARA", 45.764, 4.836, "Europe/Paris"),
                city("Marseille", "PAC", 43.296, 5.370, "Europe/Paris"), city("Toulouse", "OCC", 43.605, 1.444, "Europe/Paris"));
        world.country(allocator, "GB", "en", 15, 5,
                city("London", "ENG", 51.507, -0.128, "Europe/London"), city("Manchester", "ENG", 53.481, -2.243, "Europe/London"),
                city("Birmingham", "ENG", 52.486, -1.890, "Europe/London"), city("Glasgow", "SCT", 55.864, -4.252, "Europe/London"));
        world.country(allocator, "US", "en", 12, 15,
                city("New York", "NY", 40.713, -74.006, "America/New_York"), city("Chicago", "IL", 41.878, -87.630, "America/Chicago"),
                city("Denver", "CO", 39.739, -104.990, "America/Denver"), city("Los Angeles", "CA", 34.052, -118.244, "America/Los_Angeles"),
                city("Seattle", "WA", 47.606, -122.332, "America/Los_Angeles"));
        world.country(allocator, "NO", "nb", 5, 1,
                city("Oslo", "03", 59.913, 10.752, "Europe/Oslo"), city("Bergen", "46", 60.391, 5.322, "Europe/Oslo"),
                city("Trondheim", "50", 63.430, 10.395, "Europe/Oslo"));
        world.country(allocator, "ES", "es", 6, 2,
                city("Madrid", "MD", 40.417, -3.704, "Europe/Madrid"), city("Barcelona", "CT", 41.385, 2.173, "Europe/Madrid"),
                city("Valencia", "VC", 39.470, -0.376, "Europe/Madrid"));
        world.country(allocator, "IT", "it", 6, 2,
                city("Rome", "62", 41.903, 12.496, "Europe/Rome"), city("Milan", "25", 45.464, 9.190, "Europe/Rome"),
                city("Naples", "72", 40.852, 14.268, "Europe/Rome"));
        world.country(allocator, "NL", "nl", 5, 5,
                city("Amsterdam", "NH", 52.368, 4.904, "Europe/Amsterdam"), city("Rotterdam", "ZH", 51.924, 4.478, "Europe/Amsterdam"));
        world.country(allocator, "SE", "sv", 3, 1,
                city("Stockholm", "AB", 59.329, 18.069, "Europe/Stockholm"), city("Gothenburg", "O", 57.709, 11.975, "Europe/Stockholm"));
        world.country(allocator, "PL", "pl", 4, 2,
                city("Warsaw", "14", 52.230, 21.012, "Europe/Warsaw"), city("Krakow", "12", 50.065, 19.945, "Europe/Warsaw"));
        world.country(allocator, "CA", "en", 2, 2,
                city("Toronto", "ON", 43.653, -79.383, "America/Toronto"), city("Vancouver", "BC", 49.283, -123.121, "America/Vancouver"));
        world.country(allocator, "BR", "pt", 2, 8,
                city("Sao Paulo", "SP", -23.551, -46.633, "America/Sao_Paulo"), city("Rio de Janeiro", "RJ", -22.907, -43.173, "America/Sao_Paulo"));
        world.country(allocator, "IN", "hi", 2, 10,
                city("Mumbai", "MH", 19.076, 72.878, "Asia/Kolkata"), city("Delhi", "DL", 28.704, 77.102, "Asia/Kolkata"),
                city("Bangalore", "KA", 12.972, 77.595, "Asia/Kolkata"));
        world.country(allocator, "JP", "ja", 1, 2,
                city("Tokyo", "13", 35.676, 139.650, "Asia/Tokyo"), city("Osaka", "27", 34.694, 135.502, "Asia/Tokyo"));
        world.country(allocator, "AU", "en", 1, 1,
                city("Sydney", "NSW", -33.869, 151.209, "Australia/Sydney"), city("Melbourne", "VIC", -37.814, 144.963, "Australia/Melbourne"));
        world.country(allocator, "CN", "zh", 0, 15,
                city("Beijing", "BJ", 39.904, 116.407, "Asia/Shanghai"), city("Shanghai", "SH", 31.230, 121.474, "Asia/Shanghai"));
        world.country(allocator, "RU", "ru", 0, 12,
                city("Moscow", "MOW", 55.756, 37.617, "Europe/Moscow"), city("Saint Petersburg", "SPE", 59.939, 30.316, "Europe/Moscow"));
        world.country(allocator, "VN", "vi", 0, 8,
                city("Hanoi", "HN", 21.028, 105.834, "Asia/Ho_Chi_Minh"), city("Ho Chi Minh City", "SG", 10.823, 106.630, "Asia/Ho_Chi_Minh"));
        world.country(allocator, "NG", "en", 0, 5,
                city("Lagos", "LA", 6.524, 3.379, "Africa/Lagos"), city("Abuja", "FC", 9.077, 7.399, "Africa/Lagos"));
        return world;
    }

    public List<Country> countries() {
        return countries;
    }

    /** A country drawn by weight. */
    Country pickCountry(Random random, ToDoubleFunction<Country> weight) {
        return pick(countries, weight, random);
    }

    static <T> T pick(List<T> items, ToDoubleFunction<T> weight, Random random) {
        double total = items.stream().mapToDouble(weight).sum();
        double r = random.nextDouble() * total;
        for (T item : items) {
            r -= weight.applyAsDouble(item);
            if (r < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    static <T> T any(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    private void country(Allocator allocator, String iso, String language, double userWeight, double attackWeight,
                         CityData... cityData) {
        List<City> cities = new ArrayList<>();
        List<Provider> providers = new ArrayList<>();
        Country country = new Country(iso, language, userWeight, attackWeight, cities, providers);
        for (CityData data : cityData) {
            cities.add(new City(data.name, data.region, country, data.latitude, data.longitude, data.zone));
        }
        double[] shares = {0.5, 0.3, 0.2};
        for (int i = 0; i < shares.length; i++) {
            providers.add(allocator.provider(country, iso + " Broadband " + (i + 1), Kind.RESIDENTIAL, shares[i],
                    cities, i < 2));
        }
        providers.add(allocator.provider(country, iso + " Business Net", Kind.BUSINESS, 0, cities, false));
        providers.add(allocator.provider(country, iso + " Mobile", Kind.MOBILE, 0, cities.subList(0, 1), false));
        providers.add(allocator.provider(country, iso + " Hosting", Kind.HOSTING, 0, cities.subList(0, 1), false));
        countries.add(country);
    }

    private static CityData city(String name, String region, double latitude, double longitude, String zone) {
        return new CityData(name, region, latitude, longitude, zone);
    }

    private record CityData(String name, String region, double latitude, double longitude, String zone) {
    }

    /** Hands out ASNs and address blocks, in order, so every run builds the same world. */
    private static final class Allocator {
        private long asn = 64_600;
        private int block;
        private int ipv6;

        Provider provider(Country country, String name, Kind kind, double share, List<City> cities, boolean ipv6) {
            Map<String, int[]> blocks = new java.util.LinkedHashMap<>();
            for (City city : cities) {
                blocks.put(city.name(), new int[] {11 + block / 256, block % 256});
                block++;
            }
            String prefix = ipv6 ? "2a10:" + Integer.toHexString(0x100 + this.ipv6++) : null;
            return new Provider(asn++, name, kind, share, country, blocks, prefix);
        }
    }
}
