package dev.vigil.risk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vigil.api.history.Feature;
import dev.vigil.risk.model.FeatureHierarchy.Level;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    @Test
    void theDefaultsCompareEveryFeatureOnceInFiveSignals() {
        ModelSettings defaults = ModelSettings.defaults();

        assertThat(defaults.hierarchies()).extracting(FeatureHierarchy::signal)
                .containsExactly("network", "device", "fingerprint", "language", "time-zone");
        assertThat(defaults.hierarchies()).flatExtracting(FeatureHierarchy::levels).extracting(Level::feature)
                .containsExactlyInAnyOrder(Feature.values());
        assertThat(defaults.hierarchy("network").levels()).extracting(Level::feature)
                .containsExactly(Feature.IP, Feature.NETWORK, Feature.ASN, Feature.CITY, Feature.COUNTRY);
        assertThat(defaults.hierarchy("device").levels()).extracting(Level::feature)
                .containsExactly(Feature.USER_AGENT, Feature.BROWSER, Feature.OS, Feature.DEVICE_TYPE);
    }

    @Test
    void weightsChangeOneSignalOrLevelAtATime() {
        ModelSettings changed = ModelSettings.defaults().withSignalWeight("language", 0).withLevelWeight(Feature.OS, 0);

        assertThat(changed.hierarchy("language").on()).isFalse();
        assertThat(changed.hierarchy("device").levels()).contains(new Level(Feature.OS, 0));
        assertThat(changed.hierarchy("network")).isEqualTo(ModelSettings.defaults().hierarchy("network"));
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ModelSettings.defaults().withSignalWeight("nope", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signal nope");
        assertThatThrownBy(() -> ModelSettings.defaults().withSignalWeight("device", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of device");
        assertThatThrownBy(() -> ModelSettings.defaults().withLevelWeight(Feature.IP, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of IP");
        assertThatThrownBy(() -> ModelSettings.defaults().withUnseenDivisor(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unseen divisor");
        assertThatThrownBy(() -> new ModelSettings(List.of(FeatureHierarchy.single("a", 1, Feature.IP),
                FeatureHierarchy.single("b", 1, Feature.IP)), 4, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP is in two signals");
        assertThatThrownBy(() -> new Observation(java.util.Collections.singletonMap(Feature.IP, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no value for IP");
    }
}
