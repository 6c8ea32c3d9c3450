package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.BearerClient;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.LevelsByAddress;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak's deprecated account REST credential endpoints answer any access token with {@code manage-account}, one
 * got with the password alone included: they must not remove or relabel the phone codes go to. Other credentials
 * stay Keycloak's business.
 */
@ExtendWith(VigilServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCredentialRestIT {

    private VigilServer server;
    private AdminApi admin;
    private OtpRealm realm;

    @BeforeAll
    void realm(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
        realm = LevelsByAddress.create(admin, server, "account-rest");
    }

    @Test
    void aPasswordOnlyTokenCannotDeleteThePhone() {
        FreshUser user = realm.userWithPhone("delete", OtpRealm.randomMobile());
        String phoneId = phone(user).path("id").asText();

        HttpResponse<String> response = account(user).delete(credentials("/credentials/" + phoneId));

        assertRefused(response);
        assertThat(phone(user).path("id").asText()).as("the phone survives").isEqualTo(phoneId);
        assertThat(realm.vigilEvents(user, "VIGIL_PHONE_CHANGE_REFUSED")).singleElement().satisfies(event -> {
            assertThat(event.path("type").asText()).isEqualTo("REMOVE_CREDENTIAL_ERROR");
            assertThat(event.path("error").asText()).isEqualTo("vigil_fresh_code_required");
            assertThat(event.path("details").path("credential_type").asText()).isEqualTo("vigil-phone");
        });
    }

    @Test
    void theVersionedPathAndTheTypeShorthandAreRefusedToo() {
        FreshUser user = realm.userWithPhone("versioned", OtpRealm.randomMobile());
        String phoneId = phone(user).path("id").asText();
        BearerClient account = account(user);

        assertRefused(account.delete(credentials("/v1alpha1/credentials/" + phoneId)));
        // Keycloak reads "<type>-id" as "every credential of that type".
        assertRefused(account.delete(credentials("/credentials/vigil-phone-id")));

        assertThat(phone(user).path("id").asText()).isEqualTo(phoneId);
    }

    @Test
    void aPasswordOnlyTokenCannotRelabelThePhone() {
        FreshUser user = realm.userWithPhone("label", OtpRealm.randomMobile());
        String phoneId = phone(user).path("id").asText();

        HttpResponse<String> response = account(user).put(credentials("/credentials/" + phoneId + "/label"), "\"my new phone\"");

        assertRefused(response);
        assertThat(phone(user).path("userLabel").asText()).isEqualTo("phone");
    }

    @Test
    void otherCredentialsAreStillKeycloaksBusiness() {
        FreshUser user = realm.userWithPhone("other", OtpRealm.randomMobile());
        String passwordId = credential(user, "password").path("id").asText();

        HttpResponse<String> response = account(user).put(credentials("/credentials/" + passwordId + "/label"), "\"main password\"");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(credential(user, "password").path("userLabel").asText()).isEqualTo("main password");
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = AdminApi.json(response);
        assertThat(error.path("errorMessage").asText()).isEqualTo("vigilPhoneChangeNeedsCode");
    }

    private BearerClient account(FreshUser user) {
        return LevelsByAddress.accountApiAfterLowLogin(realm, user);
    }

    private URI credentials(String path) {
        return URI.create(server.realmUri(realm.name()) + "/account" + path);
    }

    private JsonNode phone(FreshUser user) {
        return credential(user, "vigil-phone");
    }

    private JsonNode credential(FreshUser user, String type) {
        return realm.credentials(user).findParents("type").stream()
                .filter(credential -> type.equals(credential.path("type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " credential"));
    }
}
