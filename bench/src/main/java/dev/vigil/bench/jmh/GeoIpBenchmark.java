package dev.vigil.bench.jmh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import dev.vigil.risk.geoip.GeoIpProvider;
import dev.vigil.risk.geoip.GeoLocation;
import dev.vigil.risk.geoip.MaxMindGeoIpProviderFactory;
import org.keycloak.Config;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GeoIP City look-ups through the risk extension's provider (one shared memory-mapped {@link DatabaseReader} with
 * MaxMind's {@code CHMCache}, opened by {@link MaxMindGeoIpProviderFactory} as the server does).
 * <p>
 * The realistic mix is a realm's login traffic: 20,000 addresses the database places in a city, 85% IPv4 drawn
 * from the whole public space but kept in proportion to where the evaluation's users live (Germany 20, France
 * 18, United Kingdom 15, United States 12, ...), 15% IPv6 from those countries' large access providers, looked
 * up in random order (people sign in again from the same addresses). For comparison: the same without a cache
 * and with a larger cache, and 50,000 addresses from anywhere in the world with the server's cache. The database file comes from
 * {@code VIGIL_GEOIP_CITY} (bench/run fetches GeoLite2-City). Target with the cache: 300,000 look-ups per
 * second per core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class GeoIpBenchmark {

    static final int REALM_ADDRESSES = 20_000;
    static final int WORLD_ADDRESSES = 50_000;
    /** Large access providers' IPv6 blocks (Orange FR, Deutsche Telekom, AT&T, Sky UK, Comcast, Free). */
    private static final String[] IPV6_BLOCKS = {"2a01:cb00", "2003:00e0", "2600:1700", "2a02:0c7c", "2601:0000",
            "2a01:0e0a"};
    /** Where the realm's users are, as in the evaluation's synthetic world. */
    private static final Map<String, Double> USER_COUNTRIES = Map.ofEntries(Map.entry("DE", 20.0),
            Map.entry("FR", 18.0), Map.entry("GB", 15.0), Map.entry("US", 12.0), Map.entry("ES", 6.0),
            Map.entry("IT", 6.0), Map.entry("NO", 5.0), Map.entry("NL", 5.0), Map.entry("PL", 4.0),
            Map.entry("SE", 3.0), Map.entry("CA", 2.0), Map.entry("BR", 2.0), Map.entry("IN", 2.0),
            Map.entry("JP", 1.0), Map.entry("AU", 1.0));
    private static final String CONFIG_PREFIX = "vigil.bench.geoip.";

    private MaxMindGeoIpProviderFactory factory;
    private GeoIpProvider provider;
    private DatabaseReader uncached;
    private DatabaseReader largerCache;
    private InetAddress[] realm;
    private InetAddress[] world;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path database = Path.of(System.getenv().getOrDefault("VIGIL_GEOIP_CITY",
                "bench/target/geoip/GeoLite2-City.mmdb"));
        if (!Files.isRegularFile(database)) {
            throw new IllegalStateException("no GeoIP City database at " + database.toAbsolutePath()
                    + ": run bench/run jmh, which fetches it, or set VIGIL_GEOIP_CITY");
        }
        System.setProperty(CONFIG_PREFIX + "city-database", database.toString());
        factory = new MaxMindGeoIpProviderFactory();
        factory.init(new Config.SystemPropertiesScope(CONFIG_PREFIX));
        provider = factory.create(null);
        uncached = new DatabaseReader.Builder(database.toFile()).fileMode(Reader.FileMode.MEMORY_MAPPED).build();
        largerCache = new DatabaseReader.Builder(database.toFile()).fileMode(Reader.FileMode.MEMORY_MAPPED)
                .withCache(new CHMCache(1 << 16)).build();
        Random random = new Random(11);
        realm = located(random, REALM_ADDRESSES, country -> USER_COUNTRIES.getOrDefault(country, 0.0) / 20)
                .toArray(new InetAddress[0]);
        world = located(random, WORLD_ADDRESSES, country -> 1.0).toArray(new InetAddress[0]);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        factory.close();
        uncached.close();
        largerCache.close();
    }

    @Benchmark
    public Optional<GeoLocation> cityWithCache(Cursor cursor) {
        return provider.locate(realm[cursor.advance(REALM_ADDRESSES)]);
    }

    @Benchmark
    public Optional<CityResponse> cityWithoutCache(Cursor cursor) throws IOException, GeoIp2Exception {
        return uncached.tryCity(realm[cursor.advance(REALM_ADDRESSES)]);
    }

    /** What a cache of 65,536 decoded records would give instead of CHMCache's default 4,096. */
    @Benchmark
    public Optional<CityResponse> cityWithLargerCache(Cursor cursor) throws IOException, GeoIp2Exception {
        return largerCache.tryCity(realm[cursor.advance(REALM_ADDRESSES)]);
    }

    @Benchmark
    public Optional<GeoLocation> cityWithCacheWorldwide(Cursor cursor) {
        return provider.locate(world[cursor.advance(WORLD_ADDRESSES)]);
    }

    /**
     * Random addresses the database places in a city (login traffic comes from people, not unused space), each
     * kept with the probability its country gives.
     */
    private List<InetAddress> located(Random random, int count, ToDoubleFunction<String> keep)
            throws UnknownHostException {
        List<InetAddress> found = new ArrayList<>(count);
        int ipv6 = count * 15 / 100;
        while (found.size() < count) {
            InetAddress candidate = found.size() < ipv6 ? ipv6(random) : ipv4(random);
            Optional<GeoLocation> location = provider.locate(candidate);
            if (location.isPresent() && location.get().city() != null
                    && random.nextDouble() < keep.applyAsDouble(location.get().countryIso())) {
                found.add(candidate);
            }
        }
        Collections.shuffle(found, random);
        return found;
    }

    private static InetAddress ipv4(Random random) throws UnknownHostException {
        byte[] bytes = new byte[4];
        do {
            random.nextBytes(bytes);
        } while (!publicUnicast(bytes[0] & 0xff, bytes[1] & 0xff));
        return InetAddress.getByAddress(bytes);
    }

    private static boolean publicUnicast(int first, int second) {
        return first != 0 && first != 10 && first != 127 && first < 224
                && !(first == 100 && second >= 64 && second < 128) && !(first == 169 && second == 254)
                && !(first == 172 && second >= 16 && second < 32) && !(first == 192 && second == 168);
    }

    private static InetAddress ipv6(Random random) throws UnknownHostException {
        String block = IPV6_BLOCKS[random.nextInt(IPV6_BLOCKS.length)];
        StringBuilder text = new StringBuilder(block);
        for (int group = 2; group < 8; group++) {
            text.append(':').append(Integer.toHexString(random.nextInt(0x10000)));
        }
        return InetAddress.getByName(text.toString()); // a literal: no DNS look-up
    }
}
