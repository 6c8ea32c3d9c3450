package dev.vigil.risk.flow;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Enable it (Authentication, Required actions) in realms that use the Vigil risk evaluation. */
public class RiskReportFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    public static final String ID = "vigil-risk-report";
    private static final RiskReport SINGLETON = new RiskReport();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Vigil risk: report the assessment in login events";
    }
}
