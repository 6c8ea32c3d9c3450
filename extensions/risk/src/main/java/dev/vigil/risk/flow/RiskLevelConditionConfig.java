package dev.vigil.risk.flow;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The condition's settings, read null-safely: with no config it matches MEDIUM and HIGH, the usual step-up.
 *
 * @param levels the levels that match
 * @param negate match when the level is none of them
 */
record RiskLevelConditionConfig(Set<String> levels, boolean negate) {

    static final String LEVELS = "levels";
    static final String NEGATE = "negate";
    static final String DEFAULT_LEVELS = "MEDIUM##HIGH";

    static RiskLevelConditionConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String levels = config.getOrDefault(LEVELS, DEFAULT_LEVELS);
        return new RiskLevelConditionConfig(
                Arrays.stream((levels.isBlank() ? DEFAULT_LEVELS : levels).split("##"))
                        .map(String::trim).filter(level -> !level.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                Boolean.parseBoolean(config.getOrDefault(NEGATE, "false")));
    }
}
