package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A cookie-keeping HTTP client that drives Keycloak's server-rendered pages the way a browser without
 * JavaScript would: it fetches a page, fills a form's fields and submits it. Redirects are not followed,
 * so a test sees each step (and the redirect back to the relying party).
 */
public final class HttpSession {

    private final LoopbackSecureContextCookies cookies = new LoopbackSecureContextCookies();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private String forwardedFor;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String fingerprint;

    public HttpSession() {
        this(randomFingerprint());
    }

    private HttpSession(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /**
     * The same device in a fresh cookie jar (a private window, cleared cookies, a second browser profile): same
     * fingerprint, address and headers, none of this session's cookies.
     */
    public HttpSession sameDeviceWithoutCookies() {
        HttpSession fresh = new HttpSession(fingerprint).from(forwardedFor);
        fresh.headers.putAll(headers);
        return fresh;
    }

    /**
     * Sends every following request with {@code X-Forwarded-For: address}, as a proxy in front of the server
     * would: the test server trusts the header from loopback, so the login appears to come from there.
     */
    public HttpSession from(String address) {
        this.forwardedFor = address;
        return this;
    }

    /** Sends every following request with this header too (e.g. User-Agent, Accept-Language), as a browser would. */
    public HttpSession header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * What this "device" sends on Vigil's device-check page: a SHA-256 in base64url like the page's script
     * computes, random per session, so that each session is a distinct device.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String randomFingerprint() {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * Ends the single sign-on, as signing out or closing the browser would, but keeps the other cookies (such as
     * Vigil's remembered device): the next login goes through the whole flow again, from the same device.
     */
    public HttpSession forgetSignIn() {
        CookieStore store = cookies.cookies.getCookieStore();
        // A copy: the store's list is a live view.
        List<HttpCookie> signIn = store.getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("KEYCLOAK_") || cookie.getName().startsWith("AUTH_SESSION")
                        || cookie.getName().startsWith("KC_"))
                .toList();
        signIn.forEach(cookie -> store.remove(null, cookie));
        return this;
    }

    /** Changes the value of this browser's cookie {@code name} in place, as anyone holding the browser can. */
    public HttpSession alterCookie(String name, UnaryOperator<String> change) {
        List<HttpCookie> named = cookies.cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .toList();
        if (named.isEmpty()) {
            throw new AssertionError("this browser has no cookie " + name);
        }
        named.forEach(cookie -> cookie.setValue(change.apply(cookie.getValue())));
        return this;
    }

    /** Whether the server set a cookie of this name in this browser (and it has not expired). */
    public boolean hasCookie(String name) {
        return cookies.cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals(name));
    }

    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Follows redirects within the server until a page (not a redirect) is reached. */
    public Page getFollowingRedirects(URI uri) {
        Page page = get(uri);
        while (page.isRedirect()) {
            page = get(page.location());
        }
        return page;
    }

    /** Submits the form matched by {@code formSelector} with its hidden fields plus {@code fields}. */
    public Page submit(Page page, String formSelector, Map<String, String> fields) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden][name]").forEach(input -> values.put(input.attr("name"), input.val()));
        values.putAll(fields);
        URI action = URI.create(form.absUrl("action"));
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        headers.forEach(request::setHeader);
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(built.uri(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send it the Secure cookies Keycloak sets;
     * Java's CookieManager only sends them over https. Matching loopback cookies as if over https does
     * what a browser does.
     */
    private static final class LoopbackSecureContextCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(asSecure(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(asSecure(uri), responseHeaders);
        }

        private static URI asSecure(URI uri) {
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
            return loopback && "http".equals(uri.getScheme())
                    ? URI.create("https" + uri.toString().substring("http".length()))
                    : uri;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One response: status, body and, for redirects, where to. */
    public record Page(URI uri, HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public boolean isRedirect() {
            return status() / 100 == 3;
        }

        public URI location() {
            return uri.resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no Location header from " + uri + ", but a " + status()
                            + " page: " + Jsoup.parse(body()).select("#kc-page-title, .pf-v5-c-alert, #kc-error-message, .kc-feedback-text").text())));
        }

        public Document document() {
            return Jsoup.parse(body(), uri.toString());
        }
    }
}
