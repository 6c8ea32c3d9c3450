package dev.vigil.risk.flow;

import java.util.List;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** "Vigil: ask for the second factor": raises the level this login must reach to 2 (password and a Vigil code). */
public class SecondFactorRequestFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    public static final String ID = "vigil-second-factor-request";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return SecondFactorRequest.SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Vigil: ask for the second factor";
    }

    @Override
    public String getReferenceCategory() {
        return "vigil-risk";
    }

    @Override
    public String getHelpText() {
        return "Raises the level of authentication this login must reach to 2 (password and a Vigil code), as a site"
                + " asking acr_values=2 would. Put it after 'Condition - Vigil risk level'; the sub-flow with"
                + " 'Condition - Level of Authentication' at level 2 then asks for the code.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
