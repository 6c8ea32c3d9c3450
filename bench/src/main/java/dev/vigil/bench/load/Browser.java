package dev.vigil.bench.load;

import java.security.SecureRandom;
import java.util.Base64;

import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;

/**
 * One browser of one user: its cookie jar (the remembered-device cookie among them), the address it connects
 * from, its user agent, and the fingerprint hash its collector script would send (with the password, or from the
 * device-check page).
 */
final class Browser {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoopbackCookieJar cookies = new LoopbackCookieJar();
    private final WebClientSession session;
    private final String address;
    private final String userAgent;
    private final String fingerprint;

    Browser(WebClient client, String address, String userAgent) {
        this.session = WebClientSession.create(client, cookies);
        this.address = address;
        this.userAgent = userAgent;
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        this.fingerprint = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    WebClientSession session() {
        return session;
    }

    String address() {
        return address;
    }

    String userAgent() {
        return userAgent;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Ends the single sign-on, as closing the browser does, keeping the persistent cookies. */
    void forgetSignIn() {
        cookies.forgetSignIn();
    }
}
