package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;

/** Opens a database file as a memory-mapped reader and checks that it is usable for its database. */
final class DatabaseOpener {

    private static final InetAddress PROBE_ADDRESS = probeAddress();

    private DatabaseOpener() {
    }

    /**
     * A reader on {@code file} that answered one lookup of {@code database}'s type.
     *
     * @throws IOException with a plain reason (no such file, wrong type, ...) when it is not usable
     */
    static DatabaseReader open(GeoIpDatabase database, Path file, DatabaseLookup<?> lookup)
            throws IOException, GeoIp2Exception {
        // Checked first so that the reason shown to admins is plain, not a low-level NIO message.
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("file not readable " + file);
        }
        DatabaseReader reader = new DatabaseReader.Builder(file.toFile())
                .fileMode(Reader.FileMode.MEMORY_MAPPED)
                .withCache(new CHMCache())
                .build();
        try {
            lookup.find(reader, PROBE_ADDRESS);
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

    private static InetAddress probeAddress() {
        try {
            // A literal address: no DNS lookup.
            return InetAddress.getByAddress(new byte[4]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
