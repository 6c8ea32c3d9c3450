package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskLevel;
import org.junit.jupiter.api.Test;

class RiskConfigTest {

    @Test
    void noConfigMeansVigilsDefaults() {
        RiskConfig config = RiskConfig.of(Map.of());

        assertThat(config.reportOnly()).isFalse();
        assertThat(config.denyHighRisk()).isTrue();
        assertThat(config.policy()).isEqualTo(PolicySettings.defaults());
        assertThat(config.model()).isEqualTo(ModelSettings.defaults());
        assertThat(config.historySize()).isEqualTo(100);
        assertThat(config.historyAge()).isEqualTo(Duration.ofDays(183));
        assertThat(config.maxTravelSpeedKmh()).isEqualTo(900);
        assertThat(config.trustedNetworks()).isEmpty();
    }

    @Test
    void readsEverySettingAnAdminChanges() {
        RiskConfig config = RiskConfig.of(Map.ofEntries(
                Map.entry("mode", "report-only"),
                Map.entry("highRiskAction", "step-up"),
                Map.entry("mediumThreshold", "5"),
                Map.entry("highThreshold", "500"),
                Map.entry("minPriorLogins", "0"),
                Map.entry("torLevel", "HIGH"),
                Map.entry("signalWeight.device", "0.5"),
                Map.entry("levelWeight.IP", "0"),
                Map.entry("maxTravelSpeedKmh", "1200"),
                Map.entry("trustedNetworks", "192.0.2.0/24##2001:db8::/48")));

        assertThat(config.reportOnly()).isTrue();
        assertThat(config.denyHighRisk()).isFalse();
        assertThat(config.policy().mediumThreshold()).isEqualTo(5);
        assertThat(config.policy().highThreshold()).isEqualTo(500);
        assertThat(config.policy().minPriorLogins()).isZero();
        assertThat(config.policy().torLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(config.model().hierarchy(ModelSettings.DEVICE).weight()).isEqualTo(0.5);
        assertThat(config.model().hierarchy(ModelSettings.NETWORK).levels())
                .filteredOn(level -> level.feature() == Feature.IP)
                .singleElement().satisfies(level -> assertThat(level.weight()).isZero());
        assertThat(config.maxTravelSpeedKmh()).isEqualTo(1200);
        assertThat(config.trustedNetworks()).containsExactly("192.0.2.0/24", "2001:db8::/48");
    }

    @Test
    void anyValueOutOfRangeIsRefusedNamingTheSettingAndItsRange() {
        assertThatThrownBy(() -> RiskConfig.of(Map.of("mediumThreshold", "lots")))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("mediumThreshold").hasMessageContaining("a number from");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("highThreshold", "-3"))).hasMessageContaining("highThreshold");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("torLevel", "EXTREME"))).hasMessageContaining("LOW, MEDIUM, HIGH");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("signalWeight.network", "NaN"))).hasMessageContaining("signalWeight.network");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("historySize", "0"))).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("mode", "loud"))).hasMessageContaining("enforce, report-only");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("failedLoginsIpLimit", "51"))).hasMessageContaining("0 to 50");
        assertThatThrownBy(() -> RiskConfig.of(Map.of("deniedNetworks", "203.0.113.0/24##not-a-network")))
                .hasMessageContaining("deniedNetworks").hasMessageContaining("not-a-network");
    }

    @Test
    void aHighThresholdBelowTheMediumOneIsRefused() {
        assertThatThrownBy(() -> RiskConfig.of(Map.of("mediumThreshold", "50", "highThreshold", "10")))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("highThreshold").hasMessageContaining("mediumThreshold");
    }

    @Test
    void everyPropertyTheConsoleShowsIsReadByTheConfig() {
        assertThat(RiskConfigProperties.all()).extracting(property -> property.getName())
                .contains("mode", "highRiskAction", "mediumThreshold", "highThreshold", "signalWeight.network",
                        "levelWeight.USER_AGENT", "trustedNetworks", "deniedNetworks", "maxTravelSpeedKmh")
                .doesNotHaveDuplicates();
    }
}
