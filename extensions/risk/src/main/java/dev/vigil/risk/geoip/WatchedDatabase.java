package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import org.jboss.logging.Logger;

/**
 * One configured database, reopened when its file is replaced (geoipupdate writes a new file and renames it over
 * the old one, weekly): no restart needed.
 * <p>
 * A lookup checks whether a check is due, which costs a clock read; at most once per interval one lookup, the one
 * that wins the compare-and-set, reads the file's stamp (one stat) and, when it changed, opens the new file and
 * swaps it in with its own, empty answers. Lookups in flight finish on the old reader, which is never closed but
 * left to the garbage collector: closing a memory-mapped reader under a lookup would fail that lookup. A new file
 * that is not usable leaves the old one answering, with one WARN per replacement.
 */
final class WatchedDatabase<V> {

    private static final Logger LOG = Logger.getLogger(WatchedDatabase.class);
    private static final long NEVER = Long.MAX_VALUE;

    private final GeoIpDatabase database;
    private final Path file;
    private final DatabaseLookup<V> lookup;
    private final long answerCacheSize;
    private final Clock clock;
    private final long checkIntervalMillis;
    private final AtomicReference<OpenedDatabase<V>> current = new AtomicReference<>();
    private final AtomicLong nextCheck;
    /** Stamp of the file last opened or refused; written by the one checking lookup only. */
    private volatile FileStamp seen;
    /** Why the last replacement was refused, while the previous file still answers; null otherwise. */
    private volatile String refusal;

    private WatchedDatabase(GeoIpDatabase database, Path file, DatabaseLookup<V> lookup, MaxMindSettings settings,
                            Clock clock) {
        this.database = database;
        this.file = file;
        this.lookup = lookup;
        this.answerCacheSize = settings.answerCacheSize();
        this.clock = clock;
        this.checkIntervalMillis = settings.fileCheckInterval().toMillis();
        this.nextCheck = new AtomicLong(file == null || checkIntervalMillis == 0 ? NEVER
                : clock.millis() + checkIntervalMillis);
    }

    /** Opens the database's configured file, or answers unknown for good when there is none. */
    static <V> WatchedDatabase<V> open(GeoIpDatabase database, DatabaseLookup<V> lookup, MaxMindSettings settings,
                                       Clock clock) {
        Optional<Path> file = settings.file(database);
        WatchedDatabase<V> watched = new WatchedDatabase<>(database, file.orElse(null), lookup, settings, clock);
        if (file.isEmpty()) {
            LOG.warnf("GeoIP %s database not configured (option %s%s): its lookups will answer unknown",
                    database.label(), MaxMindGeoIpProviderFactory.OPTION_PREFIX, database.configKey());
            watched.current.set(OpenedDatabase.notConfigured());
        } else {
            watched.reopen(FileStamp.of(file.get()));
        }
        return watched;
    }

    /** The answer of the current file; empty when unknown, also when the lookup fails. */
    Optional<V> lookUp(InetAddress address) {
        if (address == null) {
            return Optional.empty();
        }
        reopenIfReplaced();
        OpenedDatabase<V> opened = current.get();
        DatabaseReader reader = opened.reader();
        return reader == null ? Optional.empty() : opened.answers().get(address, key -> find(reader, key));
    }

    private Optional<V> find(DatabaseReader reader, InetAddress address) {
        try {
            return lookup.find(reader, address);
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            // Only the exception type: MaxMind's messages can carry the address, which must not reach the logs.
            LOG.debugf("GeoIP %s lookup failed: %s", database.label(), e.getClass().getName());
            return Optional.empty();
        }
    }

    private void reopenIfReplaced() {
        long due = nextCheck.get();
        if (due == NEVER) {
            return;
        }
        long now = clock.millis();
        if (now < due || !nextCheck.compareAndSet(due, now + checkIntervalMillis)) {
            return;
        }
        FileStamp stamp = FileStamp.of(file);
        if (!stamp.equals(seen)) {
            reopen(stamp);
        }
    }

    private void reopen(FileStamp stamp) {
        seen = stamp;
        OpenedDatabase<V> previous = current.get();
        try {
            OpenedDatabase<V> opened = OpenedDatabase.of(DatabaseOpener.open(database, file, lookup), answerCacheSize);
            // The previous reader is not closed: see the class comment.
            current.set(opened);
            refusal = null;
            boolean replacing = previous != null && previous.reader() != null;
            LOG.infof("GeoIP %s database %s from %s: %s", database.label(), replacing ? "reloaded" : "loaded", file,
                    opened.state());
            BuildAge.warning(opened.buildTime(), clock.instant()).ifPresent(warning ->
                    LOG.warnf("GeoIP %s database at %s %s", database.label(), file, warning));
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (previous != null && previous.reader() != null) { // a replacement: the previous file goes on
                refusal = reason;
                LOG.warnf("GeoIP %s database at %s replaced by an unusable file (%s): still answering from the"
                        + " previous one", database.label(), file, reason);
            } else {
                current.set(OpenedDatabase.unavailable(reason));
                LOG.warnf("GeoIP %s database at %s unavailable (%s): its lookups will answer unknown",
                        database.label(), file, reason);
            }
        }
    }

    /** Type and build date of the file answering, or why none does; checks for a replaced file first, if due. */
    String state() {
        reopenIfReplaced();
        return current.get().state();
    }

    /** What an admin should act on: an old build, a refused replacement. */
    Optional<String> warning() {
        StringJoiner warnings = new StringJoiner("; ");
        OpenedDatabase<V> opened = current.get();
        if (opened.buildTime() != null) {
            BuildAge.warning(opened.buildTime(), clock.instant()).ifPresent(warnings::add);
        }
        String refused = refusal;
        if (refused != null) {
            warnings.add("its replacement was refused (" + refused + "), still answering from the previous file");
        }
        return warnings.length() == 0 ? Optional.empty() : Optional.of(warnings.toString());
    }

    /** Stops checking and closes the current reader: only when the server stops, no lookup runs any more. */
    void close() {
        nextCheck.set(NEVER);
        DatabaseReader reader = current.get().reader();
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debugf("Closing the GeoIP %s database failed: %s", database.label(), e.getMessage());
            }
        }
    }
}
