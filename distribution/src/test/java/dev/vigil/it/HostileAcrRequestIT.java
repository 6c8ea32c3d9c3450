package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A site (or whoever edits the authorization request in the browser) asks for levels that do not exist, in shapes
 * that are not OIDC: {@code acr_values} Vigil does not know, a {@code claims} parameter that is not JSON or not the
 * shape OIDC gives it, an essential {@code acr} nobody can reach, huge values. Never a 5xx; either a clear OIDC error
 * ({@code invalid_request} for a malformed {@code claims}) or the documented fallback (a value that is not a number is
 * ignored; a number is a level, and above 2 asks for everything Vigil has); never a login without the password, and
 * never an {@code acr} above what the login achieved: {@code 2} only when the code was typed, else at most {@code 1}.
 */
@ExtendWith(VigilServerExtension.class)
class HostileAcrRequestIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53685/callback");
    private static final String MILTON = "216.160.83.56";
    private static final String HUGE = "9".repeat(3000);

    private OidcRelyingParty app;
    private Outbox outbox;
    private FreshUser user;
    private HttpSession laptop;

    @BeforeEach
    void aUserWhoseLoginsAreLowRisk(VigilServer server) {
        LowRiskLaptop fixture = LowRiskLaptop.signedInOnce(server, new AdminApi(server), APP_CALLBACK, "hostile-acr");
        app = fixture.app();
        outbox = fixture.outbox();
        user = fixture.user();
        laptop = fixture.laptop();
    }

    @Test
    void aValueThatIsNotALevelNumberIsIgnored() {
        for (String unknown : List.of("two", "2.5", "<script>alert(1)</script>", "%00", HUGE)) {
            Outcome outcome = request("acr_values=" + URLEncoder.encode(unknown, StandardCharsets.UTF_8));

            outcome.assertNoServerError();
            outcome.assertPasswordAskedAndAcrNoHigherThanAchieved();
            assertThat(outcome.codeAsked).as(unknown + ": a LOW login, as if no level were asked").isFalse();
        }
    }

    /** Keycloak reads a number as a level: above Vigil's highest, everything Vigil has is asked, and 2 is claimed. */
    @Test
    void aLevelAboveVigilsAsksForTheCodeAndClaimsOnlyWhatWasAchieved() {
        Outcome outcome = request("acr_values=99");

        outcome.assertNoServerError();
        outcome.assertPasswordAskedAndAcrNoHigherThanAchieved();
        assertThat(outcome.codeAsked).isTrue();
        assertThat(outcome.acr()).contains("2");
    }

    /** A number at or below 1 is met by the password: never less than the password, and never a claim above 1. */
    @Test
    void aLevelAtOrBelow1NeverSkipsThePassword() {
        for (String low : List.of("0", "-1", "1")) {
            Outcome outcome = request("acr_values=" + low);

            outcome.assertNoServerError();
            outcome.assertPasswordAskedAndAcrNoHigherThanAchieved();
            assertThat(outcome.codeAsked).as(low).isFalse();
        }
    }

    /** Any of the values is acceptable (OIDC): the lowest level among them is asked for. */
    @Test
    void amongSeveralValuesTheLowestLevelIsAskedFor() {
        Outcome aboveAnd2 = request("acr_values=" + URLEncoder.encode("99 2", StandardCharsets.UTF_8));
        aboveAnd2.assertNoServerError();
        aboveAnd2.assertPasswordAskedAndAcrNoHigherThanAchieved();
        assertThat(aboveAnd2.codeAsked).as("level 2 is the lowest asked").isTrue();
        assertThat(aboveAnd2.acr()).contains("2");

        Outcome withUnknown = request("acr_values=" + URLEncoder.encode("2 two", StandardCharsets.UTF_8));
        withUnknown.assertNoServerError();
        withUnknown.assertPasswordAskedAndAcrNoHigherThanAchieved();
    }

    @Test
    void aMalformedClaimsParameterIsRefusedWithInvalidRequest() {
        List<String> malformed = List.of("{", "not json", "[]", "null", "{\"id_token\":[]}", "{\"id_token\":{\"acr\":\"2\"}}",
                "{\"id_token\":{\"acr\":{\"essential\":\"yes\",\"values\":[\"2\"]}}}",
                "{\"id_token\":{\"acr\":{\"values\":\"2\"}}}",
                "{\"id_token\":{\"acr\":{\"values\":[{\"nested\":true}]}}}",
                "{\"userinfo\":{\"acr\":{\"value\":2}}}");
        for (String claims : malformed) {
            Outcome outcome = request("claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8));

            outcome.assertNoServerError();
            assertThat(outcome.error).as(claims).contains("invalid_request");
            assertThat(outcome.passwordAsked).as(claims + ": refused before the login page").isFalse();
        }
    }

    @Test
    void aWellFormedClaimsParameterWithHugeOrUnknownValuesNeverClaimsMoreThanAchieved() {
        for (String claims : List.of("{\"id_token\":{\"acr\":{\"values\":[\"" + HUGE + "\"]}}}",
                "{\"id_token\":{\"acr\":{\"value\":\"two\"}},\"userinfo\":{\"x\":{\"essential\":true}}}")) {
            Outcome outcome = request("claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8));

            outcome.assertNoServerError();
            outcome.assertPasswordAskedAndAcrNoHigherThanAchieved();
            assertThat(outcome.acr()).as(claims).contains("1");
        }
    }

    @Test
    void anEssentialAcrNobodyCanReachNeverClaimsIt() {
        Outcome outcome = request("claims=" + URLEncoder.encode(
                "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"99\"]}}}", StandardCharsets.UTF_8));

        outcome.assertNoServerError();
        if (outcome.error.isEmpty()) {
            outcome.assertPasswordAskedAndAcrNoHigherThanAchieved();
        }
        assertThat(outcome.acr()).as("never the unreachable level").isNotEqualTo(Optional.of("99"));
    }

    /** Larger than a request line may be: as a form POST, which OIDC allows at the authorization endpoint. */
    @Test
    void hugeParametersPostedToTheAuthorizationEndpointNeverGiveA5xx() throws IOException, InterruptedException {
        URI authorization = app.begin().authorizationUri();
        String huge = "2 ".repeat(100_000);
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"" + "9".repeat(200_000) + "\"]}}}";
        String form = authorization.getRawQuery() + "&acr_values=" + URLEncoder.encode(huge, StandardCharsets.UTF_8)
                + "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(authorization.toString().substring(0, authorization.toString().indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", MILTON)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    }

    /** What one authorization request came to: every page, whether the code was asked, the error or the ID token. */
    private record Outcome(List<Page> pages, boolean passwordAsked, boolean codeAsked, Optional<String> error,
            Optional<IDTokenClaimsSet> idToken) {

        Optional<String> acr() {
            return idToken.map(token -> token.getACR().getValue());
        }

        void assertNoServerError() {
            assertThat(pages).allSatisfy(page -> assertThat(page.status())
                    .as(page.uri() + " answered:\n" + page.body()).isLessThan(500));
        }

        /**
         * Signed in with the password, and an {@code acr} no higher than the login achieved: 2 only after the code, else
         * at most 1 (Keycloak answers a request for a lower number with that number, which the password met).
         */
        void assertPasswordAskedAndAcrNoHigherThanAchieved() {
            assertThat(passwordAsked).as("the password was asked: " + this).isTrue();
            assertThat(acr()).as("signed in: " + this).isPresent();
            assertThat(Integer.parseInt(acr().orElseThrow())).as(toString()).isLessThanOrEqualTo(codeAsked ? 2 : 1);
        }

        @Override
        public String toString() {
            Page last = pages.get(pages.size() - 1);
            return "password " + passwordAsked + ", code " + codeAsked + ", error " + error + ", acr " + acr()
                    + ", last page " + last.status() + " " + last.uri();
        }
    }

    /** Sends the demo app's authorization request with {@code parameters} added and signs in as far as Vigil lets. */
    private Outcome request(String parameters) {
        laptop.forgetSignIn();
        Attempt attempt = app.begin();
        URI uri = URI.create(attempt.authorizationUri() + "&" + parameters);
        List<Page> pages = new ArrayList<>();
        Page page = laptop.get(uri);
        pages.add(page);
        while (page.isRedirect() && !toTheApp(page)) {
            page = laptop.get(page.location());
            pages.add(page);
        }
        boolean codeAsked = false;
        boolean passwordAsked = !toTheApp(page) && page.status() == 200
                && page.document().selectFirst(LoginJourney.LOGIN_FORM) != null;
        if (passwordAsked) {
            page = LoginJourney.deviceCheck(laptop, laptop.submit(page, LoginJourney.LOGIN_FORM,
                    Map.of("username", user.username(), "password", user.password())));
            pages.add(page);
            codeAsked = LoginJourney.isOtpPage(page);
            if (codeAsked) {
                page = LoginJourney.otpFromOutbox(laptop, page, outbox, user.email());
                pages.add(page);
            }
        }
        if (!toTheApp(page)) {
            return new Outcome(pages, passwordAsked, codeAsked, Optional.of("page " + page.status()), Optional.empty());
        }
        Optional<String> error = queryParameter(page.location(), "error");
        if (error.isPresent()) {
            return new Outcome(pages, passwordAsked, codeAsked, error, Optional.empty());
        }
        return new Outcome(pages, passwordAsked, codeAsked, Optional.empty(), Optional.of(app.finish(attempt, page.location()).idToken()));
    }

    private static boolean toTheApp(Page page) {
        return page.isRedirect() && page.location().toString().startsWith(APP_CALLBACK.toString());
    }

    private static Optional<String> queryParameter(URI uri, String name) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
