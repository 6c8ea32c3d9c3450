package dev.vigil.risk.flow;

import java.util.List;

import dev.vigil.risk.model.FeatureHierarchy;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.calibration.CalibrationSettings;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The risk step's settings as the admin console shows them, with Vigil's defaults as default values. */
final class RiskConfigProperties {

    private static final String[] LEVELS = {"LOW", "MEDIUM", "HIGH"};

    private RiskConfigProperties() {
    }

    static List<ProviderConfigProperty> all() {
        PolicySettings policy = PolicySettings.defaults();
        CalibrationSettings sample = CalibrationSettings.defaults();
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(RiskConfig.MODE).label("Mode")
                .helpText("enforce: the level drives the flow. report-only: score and record, but let every login"
                        + " through as if scoring were off (for tuning before enforcing).")
                .type(ProviderConfigProperty.LIST_TYPE).options(RiskConfig.ENFORCE, RiskConfig.REPORT_ONLY)
                .defaultValue(RiskConfig.ENFORCE).add()
                .property().name(RiskConfig.HIGH_RISK_ACTION).label("HIGH risk")
                .helpText("deny: refuse a HIGH login with a clear page. step-up: treat it like MEDIUM (the conditions"
                        + " that follow decide, e.g. OTP), and notify the user.")
                .type(ProviderConfigProperty.LIST_TYPE).options(RiskConfig.DENY, RiskConfig.STEP_UP)
                .defaultValue(RiskConfig.DENY).add()
                .property().name(RiskConfig.MEDIUM_THRESHOLD).label("MEDIUM threshold")
                .helpText("Risk score (a likelihood ratio: 1 neutral, 100 a hundred times likelier an attack) from which"
                        + " a login is MEDIUM.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.mediumThreshold())).add()
                .property().name(RiskConfig.HIGH_THRESHOLD).label("HIGH threshold")
                .helpText("Risk score from which a login is HIGH; at least the MEDIUM threshold.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.highThreshold())).add()
                .property().name(RiskConfig.THRESHOLD_MODE).label("Thresholds")
                .helpText("fixed: the MEDIUM and HIGH thresholds above. calibrated: thresholds derived from this realm's"
                        + " own sign-ins and simulated targeted attacks to meet the target below, recomputed on a"
                        + " schedule (once per cluster) or at once with Save on Realm settings > Vigil risk thresholds, which"
                        + " shows them with the expected rates (or POST /admin/realms/{realm}/vigil-risk/calibration, which"
                        + " GET shows). Until a realm has enough history, or after these settings change, the fixed"
                        + " thresholds apply and the login events say why (vigil_risk_thresholds).")
                .type(ProviderConfigProperty.LIST_TYPE).options(RiskConfig.FIXED, RiskConfig.CALIBRATED)
                .defaultValue(RiskConfig.FIXED).add()
                .property().name(RiskConfig.CALIBRATION_TARGET).label("Calibration target")
                .helpText("catch-attacks: step up or deny at least the share of simulated targeted attacks below,"
                        + " stepping up as few legitimate logins as that allows. step-up-at-most: step up at most the"
                        + " share of legitimate logins below, catching as many attacks as that allows.")
                .type(ProviderConfigProperty.LIST_TYPE).options(RiskConfig.CATCH_ATTACKS, RiskConfig.STEP_UP_AT_MOST)
                .defaultValue(RiskConfig.CATCH_ATTACKS).add()
                .property().name(RiskConfig.ATTACKS_CAUGHT_PERCENT).label("Catch at least (% of targeted attacks)")
                .helpText("For catch-attacks: 50 to 100.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(plain(RiskConfig.DEFAULT_ATTACKS_CAUGHT_PERCENT)).add()
                .property().name(RiskConfig.STEP_UP_PERCENT).label("Step up at most (% of legitimate logins)")
                .helpText("For step-up-at-most: 0 to 50.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(plain(RiskConfig.DEFAULT_STEP_UP_PERCENT)).add()
                .property().name(RiskConfig.CALIBRATION_MIN_USERS).label("Calibration: users needed")
                .helpText("Fewer users with enough logins than this, and the fixed thresholds stay (a new or small realm).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(sample.minUsers())).add()
                .property().name(RiskConfig.CALIBRATION_MIN_LOGINS).label("Calibration: logins per user")
                .helpText("Logins a user needs before their later ones are counted (at most the history size).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(sample.minLogins())).add()
                .property().name(RiskConfig.CALIBRATION_MAX_USERS).label("Calibration: users read at most")
                .helpText("The sample's size: bounds the recomputation's time and memory whatever the realm's size.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(sample.maxUsers())).add()
                .property().name(RiskConfig.MIN_PRIOR_LOGINS).label("Logins before trusting the model")
                .helpText("A user with fewer prior successful logins is at least MEDIUM: the model knows too little.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.minPriorLogins())).add();
        level(builder, RiskConfig.TOR_LEVEL, "Tor exit", policy.torLevel().name());
        level(builder, RiskConfig.VPN_LEVEL, "VPN exit", policy.vpnLevel().name());
        level(builder, RiskConfig.PUBLIC_PROXY_LEVEL, "Public proxy", policy.publicProxyLevel().name());
        level(builder, RiskConfig.HOSTING_LEVEL, "Hosting provider", policy.hostingLevel().name());
        level(builder, RiskConfig.IMPOSSIBLE_TRAVEL_LEVEL, "Impossible travel", policy.impossibleTravelLevel().name());
        builder.property().name(RiskConfig.MAX_TRAVEL_SPEED).label("Impossible travel speed (km/h)")
                .helpText("Travel from the last login's place faster than this is impossible (distances within the two"
                        + " places' accuracy radii are ignored).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(RiskConfig.DEFAULT_MAX_TRAVEL_SPEED)).add()
                .property().name(RiskConfig.TRUSTED_NETWORKS).label("Trusted networks")
                .helpText("CIDRs (e.g. an office, 192.0.2.0/24, 2001:db8::/48) that lower the level.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property().name(RiskConfig.TRUSTED_NETWORK_STEPS).label("Trusted network lowers by (levels)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.trustedNetworkSteps())).add()
                .property().name(RiskConfig.DENIED_NETWORKS).label("Denied networks")
                .helpText("CIDRs whose logins are HIGH.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property().name(RiskConfig.REMEMBERED_DEVICE_STEPS).label("Remembered device lowers by (levels)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.rememberedDeviceSteps())).add()
                .property().name(RiskConfig.RECOGNIZED_DEVICE_STEPS).label("Recognized device lowers by (levels)")
                .helpText("A login without the remembered-device cookie whose fingerprint, OS and device type the user"
                        + " already signed in with from the same network (/24 or /48): a private window or cleared"
                        + " cookies on a known device. Applies only when the cookie does not.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.recognizedDeviceSteps())).add()
                .property().name(RiskConfig.HOUR_OF_DAY_WEIGHT).label("Hour-of-day weight")
                .helpText("Exponent of the hour-of-day factor (0 ignores the hour).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.hourOfDayWeight())).add()
                .property().name(RiskConfig.FAILED_LOGINS_USER_LIMIT).label("Failed logins of the user (last hour)")
                .helpText("From this many, the login is at least the failed-logins level (0: off).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.failedLoginsUserLimit())).add()
                .property().name(RiskConfig.FAILED_LOGINS_IP_LIMIT).label("Failed logins from the address (last hour)")
                .helpText("From this many, any user's login from the address is at least the failed-logins level (0: off).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(policy.failedLoginsIpLimit())).add();
        level(builder, RiskConfig.FAILED_LOGINS_LEVEL, "Failed logins", policy.failedLoginsLevel().name());
        ModelSettings model = ModelSettings.defaults();
        for (FeatureHierarchy hierarchy : model.hierarchies()) {
            builder.property().name(RiskConfig.SIGNAL_WEIGHT + hierarchy.signal()).label("Weight of signal " + hierarchy.signal())
                    .helpText("Exponent of the signal's factor in the score: 0 switches it off, 1 counts it fully.")
                    .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(hierarchy.weight())).add();
            if (hierarchy.levels().size() > 1) {
                for (FeatureHierarchy.Level level : hierarchy.levels()) {
                    builder.property().name(RiskConfig.LEVEL_WEIGHT + level.feature())
                            .label("Weight of " + level.feature().name().toLowerCase().replace('_', ' ') + " in " + hierarchy.signal())
                            .helpText("Share of this level in the signal (Wiefling et al.'s hierarchical weights).")
                            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(level.weight())).add();
                }
            }
        }
        return builder
                .property().name(RiskConfig.UNSEEN_DIVISOR).label("Unseen value factor")
                .helpText("Factor of a signal whose value the user never used at any level (at least 1).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(model.unseenDivisor())).add()
                .property().name(RiskConfig.HISTORY_SIZE).label("History size")
                .helpText("How many of the user's latest successful logins the model learns from.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(RiskConfig.DEFAULT_HISTORY_SIZE)).add()
                .property().name(RiskConfig.HISTORY_DAYS).label("History age (days)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(RiskConfig.DEFAULT_HISTORY_DAYS)).add()
                .property().name(RiskConfig.NOTIFY_NEW_DEVICE).label("E-mail the user on a new device")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true).add()
                .property().name(RiskConfig.NOTIFY_NEW_COUNTRY).label("E-mail the user on a new country")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true).add()
                .build();
    }

    private static String plain(double percent) {
        return String.valueOf((long) percent);
    }

    private static void level(ProviderConfigurationBuilder builder, String name, String what, String defaultLevel) {
        builder.property().name(name).label(what + ": at least")
                .helpText("The least level of such a login (LOW: no rule).")
                .type(ProviderConfigProperty.LIST_TYPE).options(LEVELS).defaultValue(defaultLevel).add();
    }
}
