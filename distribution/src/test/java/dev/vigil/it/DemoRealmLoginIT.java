package dev.vigil.it;

import static dev.vigil.it.DemoRealm.ALICE;
import static dev.vigil.it.DemoRealm.ALICE_PASSWORD;
import static dev.vigil.it.support.LoginJourney.LOGIN_FORM;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.OidcRelyingParty.SignedIn;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VigilServerExtension.class)
class DemoRealmLoginIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final URI SITE_CALLBACK = URI.create("http://127.0.0.1:8088/oidc/callback");

    @Nested
    class PublicAppWithPkce {

        @Test
        void aliceSignsInAndGetsAVerifiedIdToken(VigilServer server) {
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
            Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();

            Page afterLogin = LoginJourney.signInCompletely(browser, attempt.authorizationUri(), DemoRealm.alice(), new Outbox(server));

            assertThat(afterLogin.location().toString()).as("redirect back to the app").startsWith(APP_CALLBACK.toString());
            SignedIn signedIn = app.finish(attempt, afterLogin.location());
            IDTokenClaimsSet idToken = signedIn.idToken();
            assertThat(idToken.getIssuer().getValue()).isEqualTo(server.realmUri(DemoRealm.REALM).toString());
            assertThat(idToken.getAudience()).extracting(Object::toString).contains(DemoRealm.PUBLIC_CLIENT);
            assertThat(idToken.getNonce()).isEqualTo(attempt.nonce());
            assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(ALICE);
            assertThat(idToken.getStringClaim("email")).isEqualTo("alice@example.com");
        }

        @Test
        void anAuthorizationRequestWithoutPkceIsRefused(VigilServer server) {
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);

            Page response = new HttpSession().get(app.authorizationUriWithoutPkce());

            assertThat(response.isRedirect()).isTrue();
            assertThat(response.location().toString())
                    .startsWith(APP_CALLBACK.toString())
                    .contains("error=invalid_request")
                    .doesNotContain("code=");
        }
    }

    @Nested
    class ConfidentialSite {

        @Test
        void aliceSignsInToTheSiteWithItsClientSecret(VigilServer server) {
            OidcRelyingParty site = OidcRelyingParty.confidentialClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.SITE_CLIENT, DemoRealm.SITE_SECRET, SITE_CALLBACK);
            Attempt attempt = site.begin();
            HttpSession browser = new HttpSession();

            Page afterLogin = LoginJourney.signInCompletely(browser, attempt.authorizationUri(), DemoRealm.alice(), new Outbox(server));

            SignedIn signedIn = site.finish(attempt, afterLogin.location());
            assertThat(signedIn.idToken().getAudience()).extracting(Object::toString).contains(DemoRealm.SITE_CLIENT);
            assertThat(signedIn.tokens().getAccessToken().getValue()).isNotBlank();
        }
    }

    @Nested
    class WrongPassword {

        @Test
        void isRefusedOnKeycloaksLoginPageWithoutACode(VigilServer server) {
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
            HttpSession browser = new HttpSession();

            Page refused = LoginJourney.password(browser, app.begin().authorizationUri(), ALICE, "not-her-password");

            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.document().select("#input-error-username").text()).isEqualTo("Invalid username or password.");
            assertThat(refused.document().selectFirst(LOGIN_FORM)).as("the login form is shown again").isNotNull();
        }
    }

    @Nested
    class LoginPageLanguages {

        @Test
        void speaksEnglishFrenchAndGermanWithVigilsTheme(VigilServer server) {
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
            Map<String, String> titles = Map.of(
                    "en", "Sign in to your account",
                    "fr", "Connexion à votre compte",
                    "de", "Melden Sie sich bei Ihrem Konto an");

            titles.forEach((locale, title) -> {
                URI uri = URI.create(app.begin().authorizationUri() + "&ui_locales=" + locale);
                Page login = new HttpSession().getFollowingRedirects(uri);
                assertThat(login.document().select("html").attr("lang")).isEqualTo(locale);
                assertThat(login.document().select("#kc-page-title").text()).isEqualTo(title);
            });
        }
    }
}
