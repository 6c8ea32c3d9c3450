package dev.vigil.risk.geoip;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;

/**
 * One database's MaxMind {@code try*} lookup mapped to Vigil's record: empty when the address is not in it.
 * MaxMind's reader refuses a lookup the database type does not support (UnsupportedOperationException), so the
 * same lookup also checks, once, that a file opened for this database has the right type.
 */
@FunctionalInterface
interface DatabaseLookup<V> {

    Optional<V> find(DatabaseReader reader, InetAddress address) throws IOException, GeoIp2Exception;
}
