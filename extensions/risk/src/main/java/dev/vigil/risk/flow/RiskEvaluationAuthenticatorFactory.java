package dev.vigil.risk.flow;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.api.settings.SettingsValidator;
import dev.vigil.risk.doors.DoorReport;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * "Vigil risk evaluation": after the password and the consent gate, before the risk-level conditions. It also says,
 * at start, when a realm is created and in the server info, which realms have doors into a session that do not run
 * Vigil's steps.
 */
public class RiskEvaluationAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator>,
        ServerInfoAwareProviderFactory, SettingsValidator {

    public static final String ID = "vigil-risk-evaluation";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};
    private static final List<ProviderConfigProperty> CONFIG = RiskConfigProperties.all();

    private final Clock clock = Clock.systemUTC();
    private volatile KeycloakSessionFactory sessionFactory;

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                DoorReport.logUncovered(factory);
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                DoorReport.logCreated(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        KeycloakSessionFactory factory = sessionFactory;
        return factory == null ? Map.of() : DoorReport.byRealm(factory);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RiskEvaluationAuthenticator(clock);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Vigil risk evaluation";
    }

    @Override
    public String getReferenceCategory() {
        return "vigil-risk";
    }

    @Override
    public String getHelpText() {
        return "Scores the login from device, network, place and time against the user's history (Freeman et al.),"
                + " then applies the rules; conditions 'Vigil risk level' that follow act on the level.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
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
        RiskConfig.of(config);
    }
}
