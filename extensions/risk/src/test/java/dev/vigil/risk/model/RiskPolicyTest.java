package dev.vigil.risk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RiskPolicyTest {

    /** MEDIUM from 10, HIGH from 1000; every rule at its default. */
    private final RiskPolicy policy = new RiskPolicy(PolicySettings.defaults().withThresholds(10, 1000));

    private static final Facts KNOWN_USER = Facts.builder(20).build();

    @Test
    void theThresholdsSplitTheScoreIntoLevels() {
        assertThat(policy.assess(score(9.99), KNOWN_USER).level()).isEqualTo(RiskLevel.LOW);
        assertThat(policy.assess(score(10), KNOWN_USER).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(999), KNOWN_USER).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(1000), KNOWN_USER).level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void everySignalOfTheScoreIsAReasonWithItsFactorMostRaisingFirst() {
        Score score = new Score(8 * 0.5 * 1.5, List.of(new Contribution("network", 8, "new-country"),
                new Contribution("device", 0.5), new Contribution("user", 1.5)));

        Assessment assessment = policy.assess(score, KNOWN_USER);

        assertThat(assessment.score()).isCloseTo(6, within(1e-12));
        assertThat(assessment.reasons()).containsExactly(new Reason("new-country", 8), new Reason("user-prior", 1.5),
                new Reason("known-device", 0.5));
    }

    @Test
    void anUnusualHourMultipliesTheScoreAndSaysSo() {
        Assessment assessment = policy.assess(score(5), Facts.builder(20).hourFactor(3).build());

        assertThat(assessment.score()).isCloseTo(15, within(1e-12));
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(assessment.reasons()).contains(new Reason("unusual-hour", 3));
    }

    @Test
    void aUsualHourLowersTheScoreAndAWeightOfZeroIgnoresTheHour() {
        Facts usualHour = Facts.builder(20).hourFactor(0.25).build();
        RiskPolicy hourless = new RiskPolicy(policy.settings().withHourOfDayWeight(0));

        assertThat(policy.assess(score(20), usualHour).score()).isCloseTo(5, within(1e-12));
        assertThat(policy.assess(score(20), usualHour).reasonCodes()).contains("usual-hour");
        assertThat(hourless.assess(score(20), usualHour).score()).isEqualTo(20);
        assertThat(hourless.assess(score(20), usualHour).reasonCodes()).doesNotContain("usual-hour");
    }

    @Test
    void aUserWithFewerThanTheMinimumPriorLoginsIsMediumWhateverTheScore() {
        assertThat(policy.assess(score(0.01), Facts.builder(2).build()).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(1e6), Facts.builder(0).build()).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(0.01), Facts.builder(2).build()).reasonCodes()).startsWith("few-logins");
        assertThat(policy.assess(score(0.01), Facts.builder(3).build()).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aTrustedNetworkOrARememberedDeviceLowersByItsSteps() {
        Facts trusted = Facts.builder(20).trustedNetwork(true).build();
        Facts remembered = Facts.builder(20).rememberedDevice(true).build();
        Facts both = Facts.builder(20).trustedNetwork(true).rememberedDevice(true).build();

        assertThat(policy.assess(score(5000), trusted).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(5000), remembered).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(5000), both).level()).isEqualTo(RiskLevel.LOW);
        assertThat(policy.assess(score(5000), both).reasonCodes())
                .startsWith("trusted-network", "remembered-device");
    }

    @Test
    void aDeviceRecognizedWithoutItsCookieLowersByItsOwnStepsAndNeverAddsToTheCookie() {
        Facts recognized = Facts.builder(20).recognizedDevice(true).build();
        Facts both = Facts.builder(20).rememberedDevice(true).recognizedDevice(true).build();
        RiskPolicy cookieOnly = new RiskPolicy(policy.settings().withDeviceSteps(1, 0));

        assertThat(policy.assess(score(50), recognized).level()).isEqualTo(RiskLevel.LOW);
        assertThat(policy.assess(score(50), recognized).reasonCodes()).startsWith("recognized-device");
        assertThat(policy.assess(score(5000), recognized).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(5000), both).level()).as("one step, not two").isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(5000), both).reasonCodes()).contains("remembered-device")
                .doesNotContain("recognized-device");
        assertThat(cookieOnly.assess(score(50), recognized).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(cookieOnly.assess(score(50), recognized).reasonCodes()).doesNotContain("recognized-device");
    }

    @Test
    void aRecognizedDeviceDoesNotExcuseATorExitOrImpossibleTravel() {
        Facts tor = Facts.builder(20).recognizedDevice(true).anonymizer(false, true, false, false).build();
        Facts travel = Facts.builder(20).recognizedDevice(true).travel(true, 5000).build();

        assertThat(policy.assess(score(0.01), tor).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(0.01), travel).level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aNewUserOnATrustedNetworkIsNotSteppedUp() {
        Assessment assessment = policy.assess(score(1e6), Facts.builder(0).trustedNetwork(true).build());

        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.reasonCodes()).startsWith("few-logins", "trusted-network");
    }

    @Test
    void anonymizersRaiseToTheirLevelEvenFromARememberedDevice() {
        Facts tor = Facts.builder(20).anonymizer(false, true, false, false).rememberedDevice(true).build();
        Facts vpn = Facts.builder(20).anonymizer(true, false, false, false).build();
        Facts proxy = Facts.builder(20).anonymizer(false, false, true, false).build();
        Facts hosting = Facts.builder(20).anonymizer(false, false, false, true).build();

        assertThat(policy.assess(score(0.01), tor).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(0.01), tor).reasonCodes()).startsWith("remembered-device", "tor");
        assertThat(policy.assess(score(0.01), vpn).reasonCodes()).startsWith("vpn");
        assertThat(policy.assess(score(0.01), proxy).reasonCodes()).startsWith("public-proxy");
        assertThat(policy.assess(score(0.01), hosting).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.assess(score(5000), tor).level()).as("a floor never lowers").isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void anAnonymizerLevelOfLowSwitchesItsRuleOff() {
        PolicySettings d = PolicySettings.defaults();
        RiskPolicy torAllowed = new RiskPolicy(new PolicySettings(10, 1000, 3, RiskLevel.LOW, d.vpnLevel(),
                d.publicProxyLevel(), d.hostingLevel(), d.impossibleTravelLevel(), 1, 1, 1, 1, 5, 20, RiskLevel.MEDIUM));

        Assessment assessment = torAllowed.assess(score(0.01), Facts.builder(20).anonymizer(false, true, false, false)
                .build());

        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.reasonCodes()).doesNotContain("tor");
    }

    @Test
    void impossibleTravelIsAtLeastMedium() {
        Assessment assessment = policy.assess(score(0.01), Facts.builder(20).travel(true, 8000).build());

        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(assessment.reasonCodes()).startsWith("impossible-travel");
    }

    @Test
    void failedLoginVelocityOfTheUserOrTheAddressIsAtLeastMedium() {
        assertThat(policy.assess(score(0.01), Facts.builder(20).recentFailedLogins(4, 19).build()).level())
                .isEqualTo(RiskLevel.LOW);
        assertThat(policy.assess(score(0.01), Facts.builder(20).recentFailedLogins(5, 0).build()).reasonCodes())
                .startsWith("failed-logins-user");
        assertThat(policy.assess(score(0.01), Facts.builder(20).recentFailedLogins(0, 20).build()).reasonCodes())
                .startsWith("failed-logins-ip");
    }

    @Test
    void aDenyListedAddressIsHighWhateverElseAndSaysSoFirst() {
        Facts facts = Facts.builder(20).denyListed(true).trustedNetwork(true).rememberedDevice(true).build();

        Assessment assessment = policy.assess(score(0.01), facts);

        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(assessment.reasonCodes()).startsWith("deny-list");
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PolicySettings.defaults().withThresholds(100, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medium <= high");
        assertThatThrownBy(() -> PolicySettings.defaults().withThresholds(0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < medium");
        assertThatThrownBy(() -> PolicySettings.defaults().withHourOfDayWeight(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hour-of-day weight");
        assertThatThrownBy(() -> Facts.builder(1).hourFactor(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hour factor");
    }

    @Test
    void theServerDefaultsLeanOnTheRememberedDevice() {
        PolicySettings defaults = PolicySettings.defaults();
        RiskPolicy server = new RiskPolicy(defaults);
        Facts remembered = Facts.builder(20).rememberedDevice(true).build();

        assertThat(defaults.mediumThreshold()).isEqualTo(5e-6);
        assertThat(defaults.highThreshold()).isEqualTo(10);
        assertThat(defaults.minPriorLogins()).isEqualTo(3);
        assertThat(defaults.rememberedDeviceSteps()).isEqualTo(1);
        assertThat(defaults.recognizedDeviceSteps()).isEqualTo(1);
        assertThat(server.assess(score(1e-3), Facts.builder(20).recognizedDevice(true).build()).level())
                .as("a known device without its cookie").isEqualTo(RiskLevel.LOW);
        assertThat(server.assess(score(1e-5), KNOWN_USER).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(server.assess(score(1e-5), remembered).level()).isEqualTo(RiskLevel.LOW);
        assertThat(server.assess(score(4e-6), KNOWN_USER).level()).isEqualTo(RiskLevel.LOW);
        assertThat(server.assess(score(20), remembered).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(server.assess(score(20), KNOWN_USER).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(server.assess(score(1e-3), Facts.builder(1).build()).level())
                .as("a new user's first logins").isEqualTo(RiskLevel.MEDIUM);
        assertThat(server.assess(score(1e-3), Facts.builder(1).rememberedDevice(true).build()).level())
                .as("a second login from the same browser, with the cookie").isEqualTo(RiskLevel.LOW);
        assertThat(server.assess(score(1e-9), Facts.builder(20).rememberedDevice(true)
                .anonymizer(false, true, false, false).build()).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(server.assess(score(1e-9), Facts.builder(20).rememberedDevice(true).travel(true, 5000).build())
                .level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void levelsRiseAndFallWithinBounds() {
        assertThat(RiskLevel.HIGH.lowered(1)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.MEDIUM.lowered(5)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskLevel.LOW.atLeast(RiskLevel.MEDIUM)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.HIGH.atLeast(RiskLevel.MEDIUM)).isEqualTo(RiskLevel.HIGH);
    }

    private static Score score(double value) {
        return new Score(value, List.of());
    }
}
