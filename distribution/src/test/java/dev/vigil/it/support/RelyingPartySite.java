package dev.vigil.it.support;

import java.net.URI;

/** A site started by a test that signs its users in through Vigil (Apache, WordPress, a Node site). */
public interface RelyingPartySite extends AutoCloseable {

    /** The address of {@code path} on the site. */
    URI uri(String path);

    /** What the site logged, for a failing test's message. */
    String log();

    @Override
    void close();

    /** Starts a site for the client {@code clientId} of the realm at {@code issuer}. */
    @FunctionalInterface
    interface Starter<S extends RelyingPartySite> {
        S start(URI issuer, String clientId, String clientSecret);
    }
}
