package dev.vigil.risk.flow;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.api.settings.ParsedSettings;
import dev.vigil.api.settings.SettingsReader;
import dev.vigil.risk.history.FailedLogins;
import dev.vigil.risk.model.FeatureHierarchy;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.model.calibration.CalibrationBasis;
import dev.vigil.risk.model.calibration.CalibrationSettings;
import dev.vigil.risk.model.calibration.CalibrationTarget;
import dev.vigil.risk.model.network.CidrList;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The risk step's settings, read once through Vigil's shared {@link SettingsReader}: an empty value takes Vigil's
 * default (a realm with no config scores with {@link ModelSettings#defaults()} and {@link PolicySettings#defaults()}),
 * and a value out of range is an {@link InvalidSetting} naming it, never a silent fallback.
 */
public final class RiskConfig {

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
    static final String RECOGNIZED_DEVICE_STEPS = "recognizedDeviceSteps";
    static final String HOUR_OF_DAY_WEIGHT = "hourOfDayWeight";
    static final String FAILED_LOGINS_USER_LIMIT = "failedLoginsUserLimit";
    static final String FAILED_LOGINS_IP_LIMIT = "failedLoginsIpLimit";
    static final String FAILED_LOGINS_LEVEL = "failedLoginsLevel";
    static final String TRUSTED_NETWORKS = "trustedNetworks";
    static final String DENIED_NETWORKS = "deniedNetworks";
    static final String THRESHOLD_MODE = "thresholdMode";
    static final String FIXED = "fixed";
    static final String CALIBRATED = "calibrated";
    static final String CALIBRATION_TARGET = "calibrationTarget";
    static final String CATCH_ATTACKS = "catch-attacks";
    static final String STEP_UP_AT_MOST = "step-up-at-most";
    static final String ATTACKS_CAUGHT_PERCENT = "calibrationAttacksCaughtPercent";
    static final String STEP_UP_PERCENT = "calibrationStepUpPercent";
    static final String CALIBRATION_MIN_USERS = "calibrationMinUsers";
    static final String CALIBRATION_MIN_LOGINS = "calibrationMinLogins";
    static final String CALIBRATION_MAX_USERS = "calibrationMaxUsers";

    static final int DEFAULT_HISTORY_SIZE = 100;
    static final int DEFAULT_HISTORY_DAYS = 183;
    static final double DEFAULT_MAX_TRAVEL_SPEED = 900;
    static final double DEFAULT_ATTACKS_CAUGHT_PERCENT = 99;
    static final double DEFAULT_STEP_UP_PERCENT = 10;
    /** Held-out logins and simulated attacks per sampled user: the calibration core's own defaults. */
    private static final CalibrationSettings SAMPLE_DEFAULTS = CalibrationSettings.defaults();
    /** Users read and scored per calibration at most: the cost stays bounded whatever the realm's size. */
    private static final int MAX_SAMPLE_USERS = 20_000;

    /** Exponents above this make one signal drown every other: no tuning needs them. */
    private static final double MAX_WEIGHT = 100;
    /** Scores are likelihood ratios: positive, and in practice far below this. */
    private static final double MIN_THRESHOLD = 1e-12;
    private static final double MAX_THRESHOLD = 1e12;
    /** Rules lower a level by at most two steps (HIGH to LOW). */
    private static final int MAX_STEPS = 2;
    private static final int MAX_NETWORKS = 1000;

    private static final ParsedSettings<RiskConfig> PARSED = new ParsedSettings<>(RiskConfig::of);

    private final boolean reportOnly;
    private final boolean denyHighRisk;
    private final boolean notifyNewDevice;
    private final boolean notifyNewCountry;
    private final int historySize;
    private final Duration historyAge;
    private final double maxTravelSpeedKmh;
    private final List<String> trustedNetworks;
    private final List<String> deniedNetworks;
    private final ModelSettings model;
    private final PolicySettings policy;
    private final boolean calibratedThresholds;
    private final CalibrationTarget calibrationTarget;
    private final CalibrationSettings calibrationSample;
    private final CalibrationBasis calibrationBasis;

    private RiskConfig(SettingsReader config) {
        reportOnly = REPORT_ONLY.equals(config.option(MODE, ENFORCE, List.of(ENFORCE, REPORT_ONLY)));
        denyHighRisk = DENY.equals(config.option(HIGH_RISK_ACTION, DENY, List.of(DENY, STEP_UP)));
        notifyNewDevice = config.flag(NOTIFY_NEW_DEVICE, true);
        notifyNewCountry = config.flag(NOTIFY_NEW_COUNTRY, true);
        historySize = config.integer(HISTORY_SIZE, DEFAULT_HISTORY_SIZE, 1, SignInHistoryProvider.MAX_SIGN_INS_PER_USER);
        historyAge = config.duration(HISTORY_DAYS, ChronoUnit.DAYS, DEFAULT_HISTORY_DAYS, 1, 3650);
        maxTravelSpeedKmh = config.decimal(MAX_TRAVEL_SPEED, DEFAULT_MAX_TRAVEL_SPEED, 1, 100_000);
        trustedNetworks = networks(config, TRUSTED_NETWORKS);
        deniedNetworks = networks(config, DENIED_NETWORKS);
        model = model(config);
        policy = policy(config);
        calibratedThresholds = CALIBRATED.equals(config.option(THRESHOLD_MODE, FIXED, List.of(FIXED, CALIBRATED)));
        calibrationTarget = calibrationTarget(config);
        calibrationSample = calibrationSample(config, historySize);
        calibrationBasis = CalibrationBasis.of(model, policy, calibrationSample, calibrationTarget);
    }

    private RiskConfig(RiskConfig settings, PolicySettings policy) {
        reportOnly = settings.reportOnly;
        denyHighRisk = settings.denyHighRisk;
        notifyNewDevice = settings.notifyNewDevice;
        notifyNewCountry = settings.notifyNewCountry;
        historySize = settings.historySize;
        historyAge = settings.historyAge;
        maxTravelSpeedKmh = settings.maxTravelSpeedKmh;
        trustedNetworks = settings.trustedNetworks;
        deniedNetworks = settings.deniedNetworks;
        model = settings.model;
        this.policy = policy;
        calibratedThresholds = settings.calibratedThresholds;
        calibrationTarget = settings.calibrationTarget;
        calibrationSample = settings.calibrationSample;
        calibrationBasis = settings.calibrationBasis;
    }

    /** Parsed once per saved version of the step's configuration. @throws InvalidSetting naming the first setting out of its range */
    public static RiskConfig of(AuthenticatorConfigModel model) {
        return PARSED.of(model);
    }

    /** @throws InvalidSetting naming the first setting out of its range */
    public static RiskConfig of(Map<String, String> config) {
        return new RiskConfig(SettingsReader.of(config));
    }

    public boolean reportOnly() {
        return reportOnly;
    }

    /** Whether a HIGH login is refused (default) rather than stepped up like a MEDIUM one. */
    public boolean denyHighRisk() {
        return denyHighRisk;
    }

    public boolean notifyNewDevice() {
        return notifyNewDevice;
    }

    public boolean notifyNewCountry() {
        return notifyNewCountry;
    }

    /** How many of the user's latest sign-ins the model learns from. */
    public int historySize() {
        return historySize;
    }

    /** How far back the model looks. */
    public Duration historyAge() {
        return historyAge;
    }

    public double maxTravelSpeedKmh() {
        return maxTravelSpeedKmh;
    }

    public List<String> trustedNetworks() {
        return trustedNetworks;
    }

    public List<String> deniedNetworks() {
        return deniedNetworks;
    }

    public ModelSettings model() {
        return model;
    }

    public PolicySettings policy() {
        return policy;
    }

    /** These settings with the thresholds a calibration derived. */
    public RiskConfig withThresholds(double medium, double high) {
        return new RiskConfig(this, policy.withThresholds(medium, high));
    }

    /** Whether the step uses the realm's calibrated thresholds (when a calibration exists) rather than the fixed ones. */
    public boolean calibratedThresholds() {
        return calibratedThresholds;
    }

    /** The trade-off the calibration aims at, in the admin's terms. */
    public CalibrationTarget calibrationTarget() {
        return calibrationTarget;
    }

    /** How many users and logins a calibration needs and reads at most. */
    public CalibrationSettings calibrationSample() {
        return calibrationSample;
    }

    /** What a calibration with these settings is computed for: the configured settings, whatever thresholds are in use. */
    public CalibrationBasis calibrationBasis() {
        return calibrationBasis;
    }

    private static CalibrationTarget calibrationTarget(SettingsReader config) {
        String target = config.option(CALIBRATION_TARGET, CATCH_ATTACKS, List.of(CATCH_ATTACKS, STEP_UP_AT_MOST));
        double caught = config.decimal(ATTACKS_CAUGHT_PERCENT, DEFAULT_ATTACKS_CAUGHT_PERCENT, 50, 100);
        double steppedUp = config.decimal(STEP_UP_PERCENT, DEFAULT_STEP_UP_PERCENT, 0, 50);
        return CATCH_ATTACKS.equals(target) ? new CalibrationTarget.CatchTargetedAttacks(caught / 100)
                : new CalibrationTarget.StepUpAtMost(steppedUp / 100);
    }

    private static CalibrationSettings calibrationSample(SettingsReader config, int historySize) {
        int minUsers = config.integer(CALIBRATION_MIN_USERS, SAMPLE_DEFAULTS.minUsers(), 1, MAX_SAMPLE_USERS);
        // A user's logins are compared with at most the history the step keeps.
        int minLogins = config.integer(CALIBRATION_MIN_LOGINS, Math.min(SAMPLE_DEFAULTS.minLogins(), historySize), 1,
                historySize);
        int maxUsers = config.integer(CALIBRATION_MAX_USERS, Math.max(SAMPLE_DEFAULTS.maxUsers(), minUsers), minUsers,
                MAX_SAMPLE_USERS);
        return new CalibrationSettings(minUsers, minLogins, SAMPLE_DEFAULTS.heldOutLogins(),
                SAMPLE_DEFAULTS.attacksPerUser(), maxUsers, historySize);
    }

    private static ModelSettings model(SettingsReader config) {
        ModelSettings settings = ModelSettings.defaults();
        for (FeatureHierarchy hierarchy : ModelSettings.defaults().hierarchies()) {
            settings = settings.withSignalWeight(hierarchy.signal(),
                    config.decimal(SIGNAL_WEIGHT + hierarchy.signal(), hierarchy.weight(), 0, MAX_WEIGHT));
            if (hierarchy.levels().size() > 1) {
                for (FeatureHierarchy.Level level : hierarchy.levels()) {
                    settings = settings.withLevelWeight(level.feature(),
                            config.decimal(LEVEL_WEIGHT + level.feature(), level.weight(), 0, MAX_WEIGHT));
                }
            }
        }
        return settings.withUnseenDivisor(config.decimal(UNSEEN_DIVISOR, settings.unseenDivisor(), 1, 1e6));
    }

    private static PolicySettings policy(SettingsReader config) {
        PolicySettings defaults = PolicySettings.defaults();
        double medium = config.decimal(MEDIUM_THRESHOLD, defaults.mediumThreshold(), MIN_THRESHOLD, MAX_THRESHOLD);
        double high = config.decimal(HIGH_THRESHOLD, defaults.highThreshold(), MIN_THRESHOLD, MAX_THRESHOLD);
        if (high < medium) {
            throw InvalidSetting.of(HIGH_THRESHOLD, String.valueOf(high), "at least the " + MEDIUM_THRESHOLD + " (" + medium + ")");
        }
        return new PolicySettings(medium, high,
                config.integer(MIN_PRIOR_LOGINS, defaults.minPriorLogins(), 0, 1000),
                config.choice(TOR_LEVEL, RiskLevel.class, defaults.torLevel()),
                config.choice(VPN_LEVEL, RiskLevel.class, defaults.vpnLevel()),
                config.choice(PUBLIC_PROXY_LEVEL, RiskLevel.class, defaults.publicProxyLevel()),
                config.choice(HOSTING_LEVEL, RiskLevel.class, defaults.hostingLevel()),
                config.choice(IMPOSSIBLE_TRAVEL_LEVEL, RiskLevel.class, defaults.impossibleTravelLevel()),
                config.integer(TRUSTED_NETWORK_STEPS, defaults.trustedNetworkSteps(), 0, MAX_STEPS),
                config.integer(REMEMBERED_DEVICE_STEPS, defaults.rememberedDeviceSteps(), 0, MAX_STEPS),
                config.integer(RECOGNIZED_DEVICE_STEPS, defaults.recognizedDeviceSteps(), 0, MAX_STEPS),
                config.decimal(HOUR_OF_DAY_WEIGHT, defaults.hourOfDayWeight(), 0, MAX_WEIGHT),
                config.integer(FAILED_LOGINS_USER_LIMIT, defaults.failedLoginsUserLimit(), 0, 1000),
                // Counts per address saturate at the cap: a higher limit could never be reached.
                config.integer(FAILED_LOGINS_IP_LIMIT, defaults.failedLoginsIpLimit(), 0, FailedLogins.CAP),
                config.choice(FAILED_LOGINS_LEVEL, RiskLevel.class, defaults.failedLoginsLevel()));
    }

    private static List<String> networks(SettingsReader config, String key) {
        return config.list(key, List.of(), MAX_NETWORKS, false, RiskConfig::isNetwork, "a CIDR such as 192.0.2.0/24 or 2001:db8::/48");
    }

    private static boolean isNetwork(String entry) {
        try {
            CidrList.parse(entry);
            return true;
        } catch (IllegalArgumentException notANetwork) {
            return false;
        }
    }
}
