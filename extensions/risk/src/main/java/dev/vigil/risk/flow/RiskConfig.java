package dev.vigil.risk.flow;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.vigil.risk.model.FeatureHierarchy;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskLevel;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The risk step's settings, read null-safely from its authenticator config: every value an admin left empty
 * or set to something unreadable takes Vigil's default (with a warning naming the setting), so a realm with no
 * config at all scores with {@link ModelSettings#defaults()} and {@link PolicySettings#defaults()}.
 */
public final class RiskConfig {

    private static final Logger LOG = Logger.getLogger(RiskConfig.class);

    static final String MODE = "mode";
    static final String REPORT_ONLY = "report-only";
    static final String ENFORCE = "enforce";
    static final String HIGH_RISK_ACTION = "highRiskAction";
    static final String DENY = "deny";
    static final String STEP_UP = "step-up";
    static final String NOTIFY_NEW_DEVICE = "notifyNewDevice";
    static final String NOTIFY_NEW_COUNTRY = "notifyNewCountry";
    static final String HISTORY_SIZE = "historySize";
    static final String HISTORY_DAYS = "historyDays";
    static final String SIGNAL_WEIGHT = "signalWeight.";
    static final String LEVEL_WEIGHT = "levelWeight.";
    static final String UNSEEN_DIVISOR = "unseenDivisor";
    static final String MEDIUM_THRESHOLD = "mediumThreshold";
    static final String HIGH_THRESHOLD = "highThreshold";
    static final String MIN_PRIOR_LOGINS = "minPriorLogins";
    static final String TOR_LEVEL = "torLevel";
    static final String VPN_LEVEL = "vpnLevel";
    static final String PUBLIC_PROXY_LEVEL = "publicProxyLevel";
    static final String HOSTING_LEVEL = "hostingLevel";
    static final String IMPOSSIBLE_TRAVEL_LEVEL = "impossibleTravelLevel";
    static final String MAX_TRAVEL_SPEED = "maxTravelSpeedKmh";
    static final String TRUSTED_NETWORK_STEPS = "trustedNetworkSteps";
    static final String REMEMBERED_DEVICE_STEPS = "rememberedDeviceSteps";
    static final String HOUR_OF_DAY_WEIGHT = "hourOfDayWeight";
    static final String FAILED_LOGINS_USER_LIMIT = "failedLoginsUserLimit";
    static final String FAILED_LOGINS_IP_LIMIT = "failedLoginsIpLimit";
    static final String FAILED_LOGINS_LEVEL = "failedLoginsLevel";
    static final String TRUSTED_NETWORKS = "trustedNetworks";
    static final String DENIED_NETWORKS = "deniedNetworks";

    static final int DEFAULT_HISTORY_SIZE = 100;
    static final int DEFAULT_HISTORY_DAYS = 183;
    static final double DEFAULT_MAX_TRAVEL_SPEED = 900;

    private final Map<String, String> config;

    private RiskConfig(Map<String, String> config) {
        this.config = config;
    }

    public static RiskConfig of(AuthenticatorConfigModel model) {
        return new RiskConfig(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static RiskConfig of(Map<String, String> config) {
        return new RiskConfig(config);
    }

    public boolean reportOnly() {
        return REPORT_ONLY.equals(text(MODE, ENFORCE));
    }

    /** Whether a HIGH login is refused (default) rather than stepped up like a MEDIUM one. */
    public boolean denyHighRisk() {
        return !STEP_UP.equals(text(HIGH_RISK_ACTION, DENY));
    }

    public boolean notifyNewDevice() {
        return flag(NOTIFY_NEW_DEVICE, true);
    }

    public boolean notifyNewCountry() {
        return flag(NOTIFY_NEW_COUNTRY, true);
    }

    /** How many of the user's latest sign-ins the model learns from. */
    public int historySize() {
        return setting(HISTORY_SIZE, DEFAULT_HISTORY_SIZE, Integer::parseInt, value -> value > 0);
    }

    /** How far back the model looks. */
    public Duration historyAge() {
        return Duration.ofDays(setting(HISTORY_DAYS, DEFAULT_HISTORY_DAYS, Integer::parseInt, value -> value > 0));
    }

    public double maxTravelSpeedKmh() {
        return setting(MAX_TRAVEL_SPEED, DEFAULT_MAX_TRAVEL_SPEED, Double::parseDouble, value -> value > 0);
    }

    public List<String> trustedNetworks() {
        return list(TRUSTED_NETWORKS);
    }

    public List<String> deniedNetworks() {
        return list(DENIED_NETWORKS);
    }

    public ModelSettings model() {
        ModelSettings settings = ModelSettings.defaults();
        for (FeatureHierarchy hierarchy : ModelSettings.defaults().hierarchies()) {
            settings = settings.withSignalWeight(hierarchy.signal(),
                    setting(SIGNAL_WEIGHT + hierarchy.signal(), hierarchy.weight(), Double::parseDouble, RiskConfig::isWeight));
            if (hierarchy.levels().size() > 1) {
                for (FeatureHierarchy.Level level : hierarchy.levels()) {
                    settings = settings.withLevelWeight(level.feature(),
                            setting(LEVEL_WEIGHT + level.feature(), level.weight(), Double::parseDouble, RiskConfig::isWeight));
                }
            }
        }
        return settings.withUnseenDivisor(setting(UNSEEN_DIVISOR, settings.unseenDivisor(), Double::parseDouble,
                value -> value >= 1 && !value.isInfinite()));
    }

    public PolicySettings policy() {
        PolicySettings defaults = PolicySettings.defaults();
        double medium = setting(MEDIUM_THRESHOLD, defaults.mediumThreshold(), Double::parseDouble, RiskConfig::isPositive);
        double high = setting(HIGH_THRESHOLD, defaults.highThreshold(), Double::parseDouble, RiskConfig::isPositive);
        if (high < medium) {
            LOG.warnf("Vigil risk: %s below %s; using both defaults", HIGH_THRESHOLD, MEDIUM_THRESHOLD);
            medium = defaults.mediumThreshold();
            high = defaults.highThreshold();
        }
        return new PolicySettings(medium, high,
                setting(MIN_PRIOR_LOGINS, defaults.minPriorLogins(), Integer::parseInt, value -> value >= 0),
                level(TOR_LEVEL, defaults.torLevel()),
                level(VPN_LEVEL, defaults.vpnLevel()),
                level(PUBLIC_PROXY_LEVEL, defaults.publicProxyLevel()),
                level(HOSTING_LEVEL, defaults.hostingLevel()),
                level(IMPOSSIBLE_TRAVEL_LEVEL, defaults.impossibleTravelLevel()),
                setting(TRUSTED_NETWORK_STEPS, defaults.trustedNetworkSteps(), Integer::parseInt, value -> value >= 0),
                setting(REMEMBERED_DEVICE_STEPS, defaults.rememberedDeviceSteps(), Integer::parseInt, value -> value >= 0),
                setting(HOUR_OF_DAY_WEIGHT, defaults.hourOfDayWeight(), Double::parseDouble, RiskConfig::isWeight),
                setting(FAILED_LOGINS_USER_LIMIT, defaults.failedLoginsUserLimit(), Integer::parseInt, value -> value >= 0),
                setting(FAILED_LOGINS_IP_LIMIT, defaults.failedLoginsIpLimit(), Integer::parseInt, value -> value >= 0),
                level(FAILED_LOGINS_LEVEL, defaults.failedLoginsLevel()));
    }

    private static boolean isWeight(double value) {
        return value >= 0 && !Double.isInfinite(value);
    }

    private static boolean isPositive(double value) {
        return value > 0 && !Double.isInfinite(value);
    }

    private String text(String key, String fallback) {
        String value = config.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private boolean flag(String key, boolean fallback) {
        String value = config.get(key);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    private RiskLevel level(String key, RiskLevel fallback) {
        return setting(key, fallback, RiskLevel::valueOf, value -> true);
    }

    private List<String> list(String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split("##")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private <T> T setting(String key, T fallback, Function<String, T> parse, Predicate<T> valid) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            T parsed = parse.apply(value.trim());
            if (valid.test(parsed)) {
                return parsed;
            }
        } catch (IllegalArgumentException unreadable) {
            // reported below, like an out-of-range value
        }
        LOG.warnf("Vigil risk: setting %s has an invalid value; using the default %s", key, fallback);
        return fallback;
    }
}
