package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.ItConfig;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client templates of realm-config/clients/ (docs/sites.md) import through the admin REST API, as the admin
 * console's "Import client" posts them, and the created client is what the guide promises for its plugin; and a site
 * registered from a template signs a user in, with the code when it asks for {@code acr_values=2}.
 */
@ExtendWith(VigilServerExtension.class)
class ClientTemplatesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "https://site.example";
    private static final String MILTON = "216.160.83.56";

    /** What docs/sites.md says each template gives its site. */
    record Promise(String file, List<String> redirectUris, boolean backChannelLogout, boolean pkceS256,
                   boolean riskClaim) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Promise> promises() {
        return Stream.of(
                new Promise("wordpress-openid-connect-generic.json", List.of(
                        SITE + "/wp-admin/admin-ajax.php?action=openid-connect-authorize",
                        SITE + "/openid-connect-authorize"), false, false, false),
                new Promise("wordpress-miniorange.json", List.of(SITE, SITE + "/"), false, false, false),
                new Promise("drupal-openid-connect.json", List.of(SITE + "/openid-connect/vigil"), false, false, false),
                new Promise("joomla.json", List.of(SITE + "/", SITE + "/api/index.php/v1/miniorangeoauth"),
                        false, false, false),
                new Promise("apache-mod-auth-openidc.json", List.of(SITE + "/redirect_uri"), true, true, true));
    }

    @Test
    void everyTemplateInTheFolderIsOneTheGuideDescribes() throws IOException {
        try (Stream<Path> files = Files.list(ItConfig.clientTemplatesDir())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(promises().map(Promise::file).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("promises")
    void theTemplateImportsAsTheConfidentialStandardFlowClientTheGuidePromises(Promise promise, VigilServer server) {
        AdminApi admin = new AdminApi(server);
        String id = importTemplate(admin, promise.file());
        try {
            JsonNode client = admin.get(clientPath(id));
            JsonNode attributes = client.path("attributes");

            assertThat(client.path("publicClient").asBoolean()).as("confidential").isFalse();
            assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
            assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
            assertThat(attributes.path("oauth2.device.authorization.grant.enabled").asBoolean()).isFalse();
            assertThat(texts(client.path("redirectUris"))).containsExactlyInAnyOrderElementsOf(promise.redirectUris());
            assertThat(attributes.path("post.logout.redirect.uris").asText()).startsWith(SITE);
            assertThat(texts(client.path("defaultClientScopes"))).contains("profile", "email");
            assertThat(attributes.path("pkce.code.challenge.method").asText(""))
                    .isEqualTo(promise.pkceS256() ? "S256" : "");
            if (promise.backChannelLogout()) {
                assertThat(attributes.path("backchannel.logout.url").asText()).startsWith(SITE + "/");
                assertThat(attributes.path("backchannel.logout.session.required").asText()).isEqualTo("true");
            } else {
                assertThat(attributes.path("backchannel.logout.url").asText("")).isEmpty();
            }
            assertThat(texts(client.path("protocolMappers"), mapper -> mapper.path("protocolMapper").asText()))
                    .as("the Vigil risk level mapper")
                    .containsExactlyElementsOf(promise.riskClaim() ? List.of("vigil-risk-mapper") : List.of());
        } finally {
            AdminApi.expect(204, admin.delete(clientPath(id)));
        }
    }

    @Test
    void aSiteRegisteredFromTheModAuthOpenidcTemplateGetsTheCodeWhenItAsksForAcr2(VigilServer server) {
        AdminApi admin = new AdminApi(server);
        String id = importTemplate(admin, "apache-mod-auth-openidc.json");
        try {
            JsonNode client = admin.get(clientPath(id));
            String secret = admin.get(clientPath(id) + "/client-secret").path("value").asText();
            OidcRelyingParty site = OidcRelyingParty.confidentialClient(server.realmUri(DemoRealm.REALM),
                    client.path("clientId").asText(), secret, URI.create(SITE + "/redirect_uri"));
            Outbox outbox = new Outbox(server);
            FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "template");
            HttpSession laptop = new HttpSession().from(MILTON);
            // The first sign-in is stepped up by the risk (no history) and remembers the device: the next is LOW.
            Attempt first = site.begin();
            site.finish(first, LoginJourney.signInCompletely(laptop, first.authorizationUri(), user, outbox).location());
            laptop.forgetSignIn();

            Attempt stepUp = site.begin();
            Page afterPassword = LoginJourney.signIn(laptop, URI.create(stepUp.authorizationUri() + "&acr_values=2"),
                    user.username(), user.password());

            assertThat(LoginJourney.isOtpPage(afterPassword)).as("the code is asked").isTrue();
            Page back = LoginJourney.otpFromOutbox(laptop, afterPassword, outbox, user.email());
            assertThat(back.location().toString()).startsWith(SITE + "/redirect_uri?");
            IDTokenClaimsSet idToken = site.finish(stepUp, back.location()).idToken();
            assertThat(idToken.getACR().getValue()).isEqualTo("2");
            assertThat(idToken.getStringClaim("vigil_risk")).as("advisory, for this site only").isEqualTo("LOW");
            assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(user.username());
            assertThat(idToken.getStringClaim("email")).isEqualTo(user.email());
        } finally {
            AdminApi.expect(204, admin.delete(clientPath(id)));
        }
    }

    /** Posts the template under a fresh client id (runs share one server); returns the new client's id. */
    private static String importTemplate(AdminApi admin, String file) {
        ObjectNode template = read(ItConfig.clientTemplatesDir().resolve(file));
        template.put("clientId", template.path("clientId").asText() + "-" + UUID.randomUUID());
        HttpResponse<String> created = AdminApi.expect(201,
                admin.post("/realms/" + DemoRealm.REALM + "/clients", template));
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String clientPath(String id) {
        return "/realms/" + DemoRealm.REALM + "/clients/" + id;
    }

    private static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return texts(array, JsonNode::asText);
    }

    private static List<String> texts(JsonNode array, Function<JsonNode, String> value) {
        return StreamSupport.stream(array.spliterator(), false).map(value).collect(Collectors.toList());
    }
}
