package dev.vigil.otp.enrollment;

import java.util.List;
import java.util.function.Function;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A factory that takes the place of one of Keycloak's required actions in every realm: same id, higher order
 * (Keycloak keeps the factory of highest order per id). Name, settings and availability stay those of Keycloak's
 * action, which Vigil's action wraps.
 *
 * @param <K> Keycloak's action, its own factory and provider
 */
abstract class KeycloakActionOverride<K extends RequiredActionFactory & RequiredActionProvider>
        implements RequiredActionFactory, EnvironmentDependentProviderFactory, StatelessFactory<RequiredActionProvider> {

    private final K keycloak;
    private final RequiredActionProvider action;

    KeycloakActionOverride(K keycloak, Function<K, RequiredActionProvider> wrap) {
        this.keycloak = keycloak;
        this.action = wrap.apply(keycloak);
    }

    @Override
    public String getId() {
        return keycloak.getId();
    }

    @Override
    public int order() {
        return keycloak.order() + 1;
    }

    @Override
    public String getDisplayText() {
        return keycloak.getDisplayText();
    }

    @Override
    public boolean isOneTimeAction() {
        return keycloak.isOneTimeAction();
    }

    @Override
    public boolean isConfigurable() {
        return keycloak.isConfigurable();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return keycloak.getConfigMetadata();
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        keycloak.validateConfig(session, realm, model);
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return !(keycloak instanceof EnvironmentDependentProviderFactory dependent) || dependent.isSupported(config);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }
}
