package dev.vigil.risk.flow;

import java.util.List;
import java.util.Map;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.api.settings.SettingsValidator;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** "Condition - Vigil risk level": runs a sub-flow (OTP, deny) for the levels it is given. */
public class RiskLevelConditionFactory implements ConditionalAuthenticatorFactory, StatelessFactory<Authenticator>, SettingsValidator {

    public static final String ID = "vigil-risk-level-condition";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - Vigil risk level";
    }

    @Override
    public String getHelpText() {
        return "Runs the sub-flow when the level computed by 'Vigil risk evaluation' is one of the selected levels"
                + " (or, negated, none of them). In report-only mode no level is set, so nothing matches.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(RiskLevelConditionConfig.LEVELS).label("Risk levels")
                .helpText("The levels for which the sub-flow runs.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options("LOW", "MEDIUM", "HIGH")
                .defaultValue(RiskLevelConditionConfig.DEFAULT_LEVELS).add()
                .property().name(RiskLevelConditionConfig.NEGATE).label("Negate output")
                .helpText("Run the sub-flow when the level is none of the selected levels.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(false).add()
                .build();
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return RiskLevelCondition.SINGLETON;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void validateSettings(Map<String, String> config) {
        RiskLevelConditionConfig.of(config);
    }
}
