package dev.vigil.risk.geoip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * The maxmind provider's server options, read once at start. A number that is not a whole number ≥ 0 falls back
 * to its default with a WARN: a GeoIP setting must not stop the server.
 *
 * @param files             the configured file per database; a database without one is not configured
 * @param answerCacheSize   answers kept per database file (0: none)
 * @param fileCheckInterval how often a lookup checks whether its file was replaced ({@link Duration#ZERO}: never)
 */
record MaxMindSettings(Map<GeoIpDatabase, Path> files, long answerCacheSize, Duration fileCheckInterval) {

    static final String ANSWER_CACHE_SIZE = "answer-cache-size";
    static final String FILE_CHECK_INTERVAL = "file-check-interval";
    static final long DEFAULT_FILE_CHECK_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(MaxMindSettings.class);

    static MaxMindSettings read(Config.Scope config) {
        Map<GeoIpDatabase, Path> files = new EnumMap<>(GeoIpDatabase.class);
        for (GeoIpDatabase database : GeoIpDatabase.values()) {
            String path = config.get(database.configKey());
            if (path != null && !path.isBlank()) {
                files.put(database, Path.of(path.trim()));
            }
        }
        return new MaxMindSettings(Collections.unmodifiableMap(files),
                wholeNumber(config, ANSWER_CACHE_SIZE, GeoIpAnswers.DEFAULT_SIZE),
                Duration.ofSeconds(wholeNumber(config, FILE_CHECK_INTERVAL, DEFAULT_FILE_CHECK_SECONDS)));
    }

    Optional<Path> file(GeoIpDatabase database) {
        return Optional.ofNullable(files.get(database));
    }

    private static long wholeNumber(Config.Scope config, String key, long defaultValue) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, as a negative number is.
        }
        LOG.warnf("GeoIP option %s%s=%s is not a whole number of at least 0: using %d",
                MaxMindGeoIpProviderFactory.OPTION_PREFIX, key, value, defaultValue);
        return defaultValue;
    }
}
