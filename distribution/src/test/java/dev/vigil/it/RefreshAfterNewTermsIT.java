package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginEvents;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepSettings;
import dev.vigil.it.support.TokenEndpoints;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refresh token (online or offline) mints tokens without any page, and so does a token exchange: when the realm
 * publishes new terms, they must stop doing so for a client that requires consent until the user has accepted them
 * in a new sign-in.
 */
@ExtendWith(VigilServerExtension.class)
class RefreshAfterNewTermsIT {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8088/oidc/callback");
    private static final String NEW_TERMS = "2027-03-01";

    private VigilServer server;
    private AdminApi admin;
    private SignedInOnlineAndOffline signedIn;
    private TokenEndpoints client;
    private FreshUser user;
    private Tokens online;
    private Tokens offline;

    @BeforeEach
    void aUserSignedInOnlineAndOffline(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        signedIn = SignedInOnlineAndOffline.through(server, admin, "refresh-terms", CALLBACK,
                Map.of("standard.token.exchange.enabled", "true"));
        client = signedIn.endpoints();
        user = signedIn.user();
        online = signedIn.online();
        offline = signedIn.offline();
        AdminApi.expect(200, client.refresh(online.getRefreshToken().getValue()));
        AdminApi.expect(200, client.refresh(offline.getRefreshToken().getValue()));
    }

    @Test
    void newTermsStopOnlineAndOfflineRefreshUntilTheUserAcceptsThemInANewSignIn() throws Exception {
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("termsVersion", NEW_TERMS), () -> {
            for (Tokens tokens : List.of(online, offline)) {
                HttpResponse<String> refused = client.refresh(tokens.getRefreshToken().getValue());
                assertThat(refused.statusCode()).as("refresh: %s", refused.body()).isEqualTo(400);
                JsonNode error = AdminApi.json(refused);
                assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
                assertThat(error.path("error_description").asText())
                        .isEqualTo("The current terms must be accepted in a new sign-in (vigil_consent_required)");
            }
            JsonNode event = new LoginEvents(admin, DemoRealm.REALM).withError(user, "REFRESH_TOKEN_ERROR", "invalid_grant");
            assertThat(event.path("clientId").asText()).isEqualTo(signedIn.clientId());
            assertThat(event.path("details").path("client_policy_error_detail").asText()).contains("vigil_consent_required");

            HttpSession browser = new HttpSession();
            OidcRelyingParty rp = signedIn.site();
            OidcRelyingParty.Attempt attempt = rp.begin();
            Page terms = LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password());
            assertThat(LoginJourney.isConsentPage(terms)).as("the new sign-in shows the new terms").isTrue();
            Page back = LoginJourney.complete(browser, LoginJourney.accept(browser, terms), new Outbox(server), user);
            Tokens fresh = rp.finish(attempt, back.location()).tokens();

            AdminApi.expect(200, client.refresh(fresh.getRefreshToken().getValue()));
            // The consent is the user's, not a session's: once given, the earlier sessions refresh again.
            AdminApi.expect(200, client.refresh(online.getRefreshToken().getValue()));
            AdminApi.expect(200, client.refresh(offline.getRefreshToken().getValue()));
        });
    }

    @Test
    void newTermsStopATokenExchangeFromTheSessionToo() throws Exception {
        String accessToken = AdminApi.json(AdminApi.expect(200, client.refresh(online.getRefreshToken().getValue())))
                .path("access_token").asText();
        AdminApi.expect(200, client.exchange(accessToken));

        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("termsVersion", NEW_TERMS), () -> {
            HttpResponse<String> refused = client.exchange(accessToken);

            assertThat(refused.statusCode()).as("exchange: %s", refused.body()).isEqualTo(400);
            assertThat(AdminApi.json(refused).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(AdminApi.json(refused).path("error_description").asText()).contains("vigil_consent_required");
        });
    }

    @Test
    void aClientTheConsentStepDoesNotAskForKeepsRefreshing() throws Exception {
        StepSettings.consent(admin, DemoRealm.REALM).with(config -> config.put("termsVersion", NEW_TERMS)
                .put("clients", DemoRealm.SITE_CLIENT), () -> {
            AdminApi.expect(200, client.refresh(online.getRefreshToken().getValue()));
            AdminApi.expect(200, client.refresh(offline.getRefreshToken().getValue()));
        });
    }
}
