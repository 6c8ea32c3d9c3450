package dev.vigil.risk.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.api.settings.ParsedSettings;
import dev.vigil.api.settings.SettingsReader;
import dev.vigil.risk.model.RiskLevel;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The condition's settings, through Vigil's shared {@link SettingsReader}: with no config it matches MEDIUM and
 * HIGH, the usual step-up; a level that is not one is an {@link InvalidSetting}.
 *
 * @param levels the levels that match
 * @param negate match when the level is none of them
 */
record RiskLevelConditionConfig(Set<String> levels, boolean negate) {

    static final String LEVELS = "levels";
    static final String NEGATE = "negate";
    static final List<String> DEFAULT_LEVELS = List.of(RiskLevel.MEDIUM.name(), RiskLevel.HIGH.name());

    private static final ParsedSettings<RiskLevelConditionConfig> PARSED = new ParsedSettings<>(RiskLevelConditionConfig::of);

    /** Parsed once per saved version of the condition's configuration. @throws InvalidSetting naming the setting out of its range */
    static RiskLevelConditionConfig of(AuthenticatorConfigModel model) {
        return PARSED.of(model);
    }

    static RiskLevelConditionConfig of(Map<String, String> raw) {
        SettingsReader config = SettingsReader.of(raw);
        List<String> names = Arrays.stream(RiskLevel.values()).map(RiskLevel::name).toList();
        return new RiskLevelConditionConfig(
                Set.copyOf(config.list(LEVELS, DEFAULT_LEVELS, names.size(), false, names::contains, "one of " + names)),
                config.flag(NEGATE, false));
    }
}
