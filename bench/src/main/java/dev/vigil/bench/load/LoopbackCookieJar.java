package dev.vigil.bench.load;

import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.ext.web.client.spi.CookieStore;

/**
 * One browser's cookies. Browsers treat http://127.0.0.1 as a secure context and send it the Secure cookies
 * Keycloak sets; Vert.x sends them over https only, so this jar (which only ever talks to the loopback server) keeps
 * them without the flag. It can also
 * forget the sign-in (Keycloak's session cookies) and keep the rest, as closing the browser does: the next login
 * then goes through the whole flow from the same, remembered device.
 */
final class LoopbackCookieJar implements CookieStore {

    private final CookieStore cookies = CookieStore.build();
    private final List<Cookie> signInCookies = new ArrayList<>();

    @Override
    public Iterable<Cookie> get(Boolean ssl, String domain, String path) {
        return cookies.get(ssl, domain, path);
    }

    @Override
    public CookieStore put(Cookie cookie) {
        cookie.setSecure(false);
        if (isSignIn(cookie.name())) {
            signInCookies.add(cookie);
        }
        cookies.put(cookie);
        return this;
    }

    @Override
    public CookieStore remove(Cookie cookie) {
        cookies.remove(cookie);
        return this;
    }

    void forgetSignIn() {
        signInCookies.forEach(cookies::remove);
        signInCookies.clear();
    }

    private static boolean isSignIn(String name) {
        return name.startsWith("KEYCLOAK_") || name.startsWith("AUTH_SESSION") || name.startsWith("KC_");
    }
}
