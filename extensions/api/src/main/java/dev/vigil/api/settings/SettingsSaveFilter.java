package dev.vigil.api.settings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Refuses, with a 400 naming the field and its range, an admin's save of a Vigil step's settings that the step could
 * not read. Keycloak has no validation hook for authenticator configs (its admin resource stores any map), and an
 * admin-event listener runs after the change with its exceptions swallowed; a JAX-RS filter shipped in a provider
 * jar is picked up by Keycloak's Quarkus build and runs, not pre-matching, after the admin resource's locators have
 * authenticated the caller, before the body is read. It covers the two calls the admin console makes:
 * {@code POST .../authentication/executions/{id}/config} and {@code PUT .../authentication/config/{id}}.
 */
@Provider
public class SettingsSaveFilter implements ContainerRequestFilter {

    private static final Pattern NEW_CONFIG = Pattern.compile("/admin/realms/([^/]+)/authentication/executions/([^/]+)/config/?$");
    private static final Pattern SAVED_CONFIG = Pattern.compile("/admin/realms/([^/]+)/authentication/config/([^/]+)/?$");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        Matcher created = NEW_CONFIG.matcher(path);
        Matcher saved = SAVED_CONFIG.matcher(path);
        boolean creates = HttpMethod.POST.equals(request.getMethod()) && created.find();
        boolean updates = HttpMethod.PUT.equals(request.getMethod()) && saved.find();
        if (!creates && !updates) {
            return;
        }
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        Matcher match = creates ? created : saved;
        RealmModel realm = session == null ? null : session.realms().getRealmByName(match.group(1));
        if (realm == null) {
            return;
        }
        Optional<SettingsValidator> validator = (creates ? executionProvider(realm, match.group(2)) : configProvider(realm, match.group(2)))
                .map(providerId -> session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, providerId))
                .filter(SettingsValidator.class::isInstance)
                .map(SettingsValidator.class::cast);
        if (validator.isEmpty()) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        Map<String, String> config;
        try {
            config = JsonSerialization.readValue(body, AuthenticatorConfigRepresentation.class).getConfig();
        } catch (IOException unreadable) {
            return; // Keycloak answers a malformed body itself
        }
        try {
            validator.get().validateSettings(config == null ? Map.of() : config);
        } catch (InvalidSetting bad) {
            ErrorRepresentation error = new ErrorRepresentation();
            error.setField(bad.field());
            error.setErrorMessage(bad.getMessage());
            request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonSerialization.writeValueAsString(error)).build());
        }
    }

    private static Optional<String> executionProvider(RealmModel realm, String executionId) {
        return Optional.ofNullable(realm.getAuthenticationExecutionById(executionId))
                .map(AuthenticationExecutionModel::getAuthenticator);
    }

    private static Optional<String> configProvider(RealmModel realm, String configId) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> configId.equals(execution.getAuthenticatorConfig()))
                .map(AuthenticationExecutionModel::getAuthenticator)
                .filter(providerId -> providerId != null)
                .findFirst();
    }
}
