package dev.vigil.risk.calibration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.flow.RiskEvaluationAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The settings of the realm's risk step, whose thresholds a calibration serves: a realm's flows usually share one
 * config (the demo realm's do); when they differ, the first that asks for calibrated thresholds, else the first.
 */
final class RealmRiskStep {

    private RealmRiskStep() {
    }

    /** @throws dev.vigil.api.settings.InvalidSetting when a stored config of the step is out of range */
    static Optional<RiskConfig> settings(RealmModel realm) {
        List<RiskConfig> configs = realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> RiskEvaluationAuthenticatorFactory.ID.equals(execution.getAuthenticator()))
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .map(id -> id == null ? null : realm.getAuthenticatorConfigById(id))
                .map(config -> config == null ? Map.<String, String>of() : config(config))
                .distinct()
                .map(RiskConfig::of)
                .toList();
        return configs.stream().filter(RiskConfig::calibratedThresholds).findFirst()
                .or(() -> configs.stream().findFirst());
    }

    private static Map<String, String> config(AuthenticatorConfigModel model) {
        return Objects.requireNonNullElse(model.getConfig(), Map.of());
    }
}
