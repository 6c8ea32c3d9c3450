package dev.vigil.privacy.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.rights.ConsentReceipts;
import dev.vigil.privacy.rights.FormTokens;
import dev.vigil.privacy.rights.SubjectData;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.RealmKeys;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.theme.Theme;

/**
 * {@code /realms/{realm}/vigil-privacy/account/}: the "Your devices and data" page the account console
 * shows, authenticated by the browser's SSO session (as the console itself is), forms protected by
 * an anti-CSRF token.
 */
public class AccountPageResource {

    static final int SIGN_INS_SHOWN = 20;
    private static final String CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " font-src 'self'; form-action 'self'; frame-ancestors 'self'";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;

    AccountPageResource(KeycloakSession session, RealmModel realm, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null) {
            return html(Response.status(Response.Status.UNAUTHORIZED), page(null).signedOut(accountConsole().toString()));
        }
        SubjectData data = data(auth);
        return html(Response.ok(), page(auth).render(formTokens().issue(auth.session().getId()),
                data.devices(), data.recentSignIns(SIGN_INS_SHOWN), data.consents()));
    }

    /** The privacy notice: public, so the terms can link to it before anyone is signed in. */
    @GET
    @Path("policy")
    @Produces(MediaType.TEXT_HTML)
    public Response policy() {
        return html(Response.ok(), page(null).policy(PrivacySettings.of(session, realm), pageUri().toString()));
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        return Downloads.export(data(required()));
    }

    @GET
    @Path("consents/{consentId}/receipt")
    @Produces(ConsentReceipts.MEDIA_TYPE)
    public Response receipt(@PathParam("consentId") String consentId) {
        return Downloads.receipt(data(required()), consentId);
    }

    @POST
    @Path("devices/{deviceId}/forget")
    public Response forgetDevice(@PathParam("deviceId") String deviceId, @FormParam("formToken") String formToken) {
        AuthResult auth = requiredWithToken(formToken);
        data(auth).forgetDevice(deviceId);
        return backToPage();
    }

    @POST
    @Path("consent/withdraw")
    public Response withdrawConsent(@FormParam("formToken") String formToken) {
        AuthResult auth = requiredWithToken(formToken);
        data(auth).withdrawConsent();
        return backToPage();
    }

    private AuthResult required() {
        AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null) {
            throw new NotAuthorizedException("Cookie");
        }
        return auth;
    }

    private AuthResult requiredWithToken(String formToken) {
        AuthResult auth = required();
        if (!formTokens().verify(auth.session().getId(), formToken)) {
            throw new ForbiddenException("missing or invalid form token");
        }
        return auth;
    }

    private SubjectData data(AuthResult auth) {
        return new SubjectData(session, realm, auth.user(), clock);
    }

    private FormTokens formTokens() {
        return new FormTokens(RealmKeys.of(session, clock).secret(realm.getId()));
    }

    private AccountPage page(AuthResult auth) {
        Locale locale = session.getContext().resolveLocale(auth == null ? null : auth.user());
        try {
            return new AccountPage(session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale), locale,
                    pageUri().toString(), stylesheet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 303: after a form, the browser reloads the page with GET. */
    private Response backToPage() {
        return Response.seeOther(pageUri()).build();
    }

    private URI pageUri() {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(PrivacyResourceProviderFactory.ID).path("account").path("/").build();
    }

    private URI accountConsole() {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName()).path("account").path("/").build();
    }

    private String stylesheet() {
        return session.getContext().getUri().getBaseUriBuilder().path("resources").path(Version.RESOURCES_VERSION)
                .path("common/keycloak/vendor/patternfly-v5/patternfly.min.css").build().toString();
    }

    private static Response html(Response.ResponseBuilder response, String body) {
        return response.entity(body).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .build();
    }
}
