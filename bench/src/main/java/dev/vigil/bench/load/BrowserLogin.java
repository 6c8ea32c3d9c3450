package dev.vigil.bench.load;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * One whole authorization-code login as a browser makes it, asynchronously: the authorization request, each page the
 * server shows answered as its user would (password, with the fingerprint when the page carries Vigil's collector
 * script, the terms once, the device check when asked, a code from the outbox when the login is stepped up), then the
 * relying party's token request with its PKCE verifier.
 */
final class BrowserLogin {

    private static final int MAX_PAGES = 12;
    /** Vigil's fingerprint collector, which the login page carries for a browser holding the remembered-device cookie. */
    private static final String FINGERPRINT_COLLECTOR = "script[src$=/js/vigil-device-check.js]";
    private static final long TIMEOUT_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI server;
    private final WebClient relyingParty;
    private final OutboxCodes outbox;

    BrowserLogin(URI server, WebClient relyingParty, OutboxCodes outbox) {
        this.server = server;
        this.relyingParty = relyingParty;
        this.outbox = outbox;
    }

    /**
     * Whether a login was stepped up to a one-time code, and showed the terms or the device-check page; a failed
     * future says which page stopped it.
     */
    record Outcome(boolean steppedUp, boolean termsShown, boolean deviceChecked) {
    }

    Future<Outcome> signIn(Browser browser, BenchUser user, BenchRealms.Flow flow) {
        Attempt attempt = new Attempt(browser, user, flow);
        browser.forgetSignIn();
        return send(attempt, browser.session().getAbs(attempt.authorizationUri()))
                .compose(response -> onResponse(attempt, response));
    }

    private Future<Outcome> onResponse(Attempt attempt, HttpResponse<Buffer> response) {
        if (++attempt.pages > MAX_PAGES) {
            return Future.failedFuture("more than " + MAX_PAGES + " pages");
        }
        int status = response.statusCode();
        if (status == 302 || status == 303) {
            String location = server.resolve(response.getHeader("Location")).toString();
            if (location.startsWith(BenchRealms.REDIRECT_URI)) {
                return exchange(attempt, location);
            }
            return send(attempt, attempt.browser.session().getAbs(location)).compose(next -> onResponse(attempt, next));
        }
        Document page = Jsoup.parse(response.bodyAsString(), server.toString());
        if (status != 200) {
            return Future.failedFuture(status + " " + summary(page));
        }
        return answer(attempt, page).compose(next -> onResponse(attempt, next));
    }

    /** What the user (and the page's script) would do on this page. */
    private Future<HttpResponse<Buffer>> answer(Attempt attempt, Document page) {
        Element form;
        if ((form = page.selectFirst("form#kc-form-login")) != null) {
            Map<String, String> fields = new HashMap<>(Map.of("username", attempt.user.username(),
                    "password", attempt.user.password()));
            if (page.selectFirst(FINGERPRINT_COLLECTOR) != null) {
                // The page's collector script adds the hash to the form, as it does in a browser with Vigil's cookie.
                fields.put("vigil-fingerprint", attempt.browser.fingerprint());
            }
            return submit(attempt, form, fields);
        }
        if ((form = page.selectFirst("form#vigil-consent-form")) != null) {
            attempt.termsShown = true;
            return submit(attempt, form, Map.of("accept", ""));
        }
        if ((form = page.selectFirst("form#vigil-fingerprint-form")) != null) {
            attempt.deviceChecked = true;
            return submit(attempt, form, Map.of("fingerprint", attempt.browser.fingerprint()));
        }
        if ((form = page.selectFirst("form#vigil-otp-form")) != null) {
            attempt.steppedUp = true;
            Optional<String> code = outbox.latestCode(attempt.user.email());
            if (code.isEmpty() || code.equals(attempt.codeTyped)) {
                return Future.failedFuture("a code page, but no new code in the outbox: " + summary(page));
            }
            attempt.codeTyped = code;
            return submit(attempt, form, Map.of("code", code.get()));
        }
        return Future.failedFuture("unexpected page: " + summary(page));
    }

    private Future<HttpResponse<Buffer>> submit(Attempt attempt, Element form, Map<String, String> fields) {
        MultiMap values = MultiMap.caseInsensitiveMultiMap();
        form.select("input[type=hidden][name]").forEach(input -> values.set(input.attr("name"), input.val()));
        fields.forEach(values::set);
        return send(attempt, attempt.browser.session().postAbs(form.absUrl("action")), values);
    }

    /** The relying party's side: the code for tokens, as a confidential back channel would (no browser cookies). */
    private Future<Outcome> exchange(Attempt attempt, String callback) {
        Optional<String> code = queryParameter(callback, "code");
        if (code.isEmpty()) {
            return Future.failedFuture("sent back without a code: " + queryParameter(callback, "error").orElse("?"));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .set("grant_type", "authorization_code")
                .set("code", code.get())
                .set("redirect_uri", BenchRealms.REDIRECT_URI)
                .set("client_id", BenchRealms.CLIENT_ID)
                .set("code_verifier", attempt.verifier);
        return relyingParty.postAbs(server.resolve("/realms/" + attempt.flow.realm() + "/protocol/openid-connect/token").toString())
                .timeout(TIMEOUT_MILLIS)
                .sendForm(form)
                .compose(response -> response.statusCode() == 200 && response.bodyAsJsonObject().containsKey("access_token")
                        ? Future.succeededFuture(new Outcome(attempt.steppedUp, attempt.termsShown,
                                attempt.deviceChecked))
                        : Future.failedFuture("token request: " + response.statusCode() + " " + response.bodyAsString()));
    }

    private static Future<HttpResponse<Buffer>> send(Attempt attempt, HttpRequest<Buffer> request) {
        return prepare(attempt, request).send();
    }

    private static Future<HttpResponse<Buffer>> send(Attempt attempt, HttpRequest<Buffer> request, MultiMap form) {
        return prepare(attempt, request).sendForm(form);
    }

    private static HttpRequest<Buffer> prepare(Attempt attempt, HttpRequest<Buffer> request) {
        return request.followRedirects(false)
                .timeout(TIMEOUT_MILLIS)
                .putHeader("X-Forwarded-For", attempt.browser.address())
                .putHeader("User-Agent", attempt.browser.userAgent())
                .putHeader("Accept-Language", "en-GB,en;q=0.8");
    }

    private static String summary(Document page) {
        String text = page.select("#kc-page-title, .pf-v5-c-alert, #kc-error-message, .kc-feedback-text").text();
        return text.isBlank() ? page.title() : text;
    }

    private static Optional<String> queryParameter(String uri, String name) {
        String query = URI.create(uri).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** One login in progress: its browser, user and realm, its PKCE verifier, and what happened so far. */
    private final class Attempt {

        final Browser browser;
        final BenchUser user;
        final BenchRealms.Flow flow;
        final String verifier = randomToken();
        int pages;
        boolean steppedUp;
        boolean termsShown;
        boolean deviceChecked;
        Optional<String> codeTyped = Optional.empty();

        Attempt(Browser browser, BenchUser user, BenchRealms.Flow flow) {
            this.browser = browser;
            this.user = user;
            this.flow = flow;
        }

        String authorizationUri() {
            return server.resolve("/realms/" + flow.realm() + "/protocol/openid-connect/auth").toString()
                    + "?response_type=code&scope=openid"
                    + "&client_id=" + BenchRealms.CLIENT_ID
                    + "&redirect_uri=" + URLEncoder.encode(BenchRealms.REDIRECT_URI, StandardCharsets.UTF_8)
                    + "&state=" + randomToken() + "&nonce=" + randomToken()
                    + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
