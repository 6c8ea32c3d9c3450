package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * The typed config reader: opens one shared, memory-mapped {@link DatabaseReader} per configured database.
 * A database that is unset, missing or unusable is left out with a WARN rather than failing the server:
 * its lookups then answer "unknown", which the risk model treats as an unseen value.
 */
final class GeoIpDatabases implements AutoCloseable {

    static final String NOT_CONFIGURED = "not configured";
    static final String UNAVAILABLE = "unavailable: ";

    private static final Logger LOG = Logger.getLogger(GeoIpDatabases.class);
    private static final InetAddress PROBE_ADDRESS = probeAddress();

    private final Map<GeoIpDatabase, DatabaseReader> readers;
    private final Map<GeoIpDatabase, String> states;

    private GeoIpDatabases(Map<GeoIpDatabase, DatabaseReader> readers, Map<GeoIpDatabase, String> states) {
        this.readers = readers;
        this.states = states;
    }

    /** Reads {@code <database>-database} file paths from the provider's config scope and opens them. */
    static GeoIpDatabases open(Config.Scope config, String optionPrefix) {
        Map<GeoIpDatabase, DatabaseReader> readers = new EnumMap<>(GeoIpDatabase.class);
        Map<GeoIpDatabase, String> states = new EnumMap<>(GeoIpDatabase.class);
        for (GeoIpDatabase database : GeoIpDatabase.values()) {
            String path = config.get(database.configKey());
            if (path == null || path.isBlank()) {
                LOG.warnf("GeoIP %s database not configured (option %s%s): its lookups will answer unknown",
                        database.label(), optionPrefix, database.configKey());
                states.put(database, NOT_CONFIGURED);
                continue;
            }
            try {
                DatabaseReader reader = openReader(database, path.trim());
                readers.put(database, reader);
                states.put(database, describe(reader.metadata()));
                LOG.infof("GeoIP %s database loaded from %s: %s", database.label(), path, states.get(database));
            } catch (IOException | GeoIp2Exception | RuntimeException e) {
                String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                LOG.warnf("GeoIP %s database at %s unavailable (%s): its lookups will answer unknown",
                        database.label(), path, reason);
                states.put(database, UNAVAILABLE + reason);
            }
        }
        return new GeoIpDatabases(Collections.unmodifiableMap(readers), Collections.unmodifiableMap(states));
    }

    private static DatabaseReader openReader(GeoIpDatabase database, String path) throws IOException, GeoIp2Exception {
        Path file = Path.of(path);
        // Checked first so that the reason shown to admins is plain, not a low-level NIO message.
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file " + path);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("file not readable " + path);
        }
        DatabaseReader reader = new DatabaseReader.Builder(file.toFile())
                .fileMode(Reader.FileMode.MEMORY_MAPPED)
                .withCache(new CHMCache())
                .build();
        try {
            database.probe(reader, PROBE_ADDRESS);
            return reader;
        } catch (UnsupportedOperationException e) {
            String actualType = reader.metadata().databaseType();
            reader.close();
            throw new IOException("not a " + database.edition() + " database but " + actualType);
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static String describe(Metadata metadata) {
        return metadata.databaseType() + ", built " + LocalDate.ofInstant(metadata.buildTime(), ZoneOffset.UTC);
    }

    /** The shared reader, or empty when that database is not usable. */
    Optional<DatabaseReader> reader(GeoIpDatabase database) {
        return Optional.ofNullable(readers.get(database));
    }

    /** Per database label: its type and build date, {@value #NOT_CONFIGURED} or {@value #UNAVAILABLE}reason. */
    Map<String, String> states() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        states.forEach((database, state) -> byLabel.put(database.label(), state));
        return byLabel;
    }

    @Override
    public void close() {
        readers.forEach((database, reader) -> {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debugf("Closing the GeoIP %s database failed: %s", database.label(), e.getMessage());
            }
        });
    }

    private static InetAddress probeAddress() {
        try {
            // A literal address: no DNS lookup.
            return InetAddress.getByAddress(new byte[4]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
