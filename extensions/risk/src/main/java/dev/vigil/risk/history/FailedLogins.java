package dev.vigil.risk.history;

import java.net.InetAddress;
import java.time.Duration;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.api.limits.SlidingWindowLimiter;
import dev.vigil.risk.model.network.IpAddresses;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Failed logins per client over the last hour, cluster-wide (Keycloak's single-use store), keyed by the keyed
 * hash of the client's address (an IPv6 client by its /64, so that rotating addresses within it neither escapes
 * the count nor adds entries) so that no raw address sits in the cache. Each entry expires with the window and
 * counts saturate at {@link #CAP}: a client holds at most {@value #CAP} entries, for at most an hour.
 */
public final class FailedLogins {

    public static final Duration WINDOW = Duration.ofHours(1);
    public static final int CAP = 50;

    private final KeycloakSession session;
    private final RealmModel realm;

    public FailedLogins(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    void countFailure(InetAddress address) {
        limiter().tryAcquire(key(address), CAP, WINDOW);
    }

    /** Failures from the address in the last hour, counting at most {@code upTo}. */
    public int recent(InetAddress address, int upTo) {
        return upTo <= 0 ? 0 : limiter().used(key(address), Math.min(upTo, CAP));
    }

    private String key(InetAddress address) {
        String pseudonym = session.getProvider(SignInHistoryProvider.class)
                .stored(realm, Feature.IP, IpAddresses.client(address));
        return "vigil-risk-failures:" + realm.getId() + ":" + pseudonym;
    }

    private SlidingWindowLimiter limiter() {
        return new SlidingWindowLimiter(session.singleUseObjects());
    }
}
