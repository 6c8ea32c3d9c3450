package dev.vigil.risk.geoip;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.maxmind.db.Metadata;
import com.maxmind.geoip2.DatabaseReader;

/**
 * One database file as opened, swapped as a whole when the file is replaced: its reader with the answers it gave,
 * or no reader and why.
 *
 * @param reader    null when the database is not usable
 * @param state     what the server info shows: type and build date, {@value #NOT_CONFIGURED} or
 *                  {@value #UNAVAILABLE}reason
 * @param buildTime null when the database is not usable
 */
record OpenedDatabase<V>(DatabaseReader reader, GeoIpAnswers<V> answers, String state, Instant buildTime) {

    static final String NOT_CONFIGURED = "not configured";
    static final String UNAVAILABLE = "unavailable: ";

    static <V> OpenedDatabase<V> of(DatabaseReader reader, long answerCacheSize) {
        Metadata metadata = reader.metadata();
        return new OpenedDatabase<>(reader, new GeoIpAnswers<>(answerCacheSize),
                metadata.databaseType() + ", built " + LocalDate.ofInstant(metadata.buildTime(), ZoneOffset.UTC),
                metadata.buildTime());
    }

    static <V> OpenedDatabase<V> unavailable(String reason) {
        return new OpenedDatabase<>(null, null, UNAVAILABLE + reason, null);
    }

    static <V> OpenedDatabase<V> notConfigured() {
        return new OpenedDatabase<>(null, null, NOT_CONFIGURED, null);
    }
}
