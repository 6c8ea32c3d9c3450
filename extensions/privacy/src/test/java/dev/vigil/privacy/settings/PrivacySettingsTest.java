package dev.vigil.privacy.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.vigil.api.history.Feature;
import dev.vigil.api.settings.InvalidSetting;
import org.junit.jupiter.api.Test;

class PrivacySettingsTest {

    @Test
    void aRealmThatNeverSavedSettingsCollectsEverythingAndKeepsItSixMonths() {
        PrivacySettings settings = PrivacySettingsFixtures.defaults();

        assertThat(Feature.values()).allMatch(settings::collects);
        assertThat(settings.historyRetention()).isEqualTo(Duration.ofDays(180));
        assertThat(settings.deviceRetention()).isEqualTo(Duration.ofDays(180));
        assertThat(settings.rememberedDevice()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.inactiveAccount()).as("flagging inactive accounts is off by default").isEmpty();
    }

    @Test
    void readsDaysAndSwitches() {
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.GEOLOCATION, "country").geolocation()).isEqualTo(Geolocation.COUNTRY);
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.DEVICE_DAYS, "0").deviceRetention()).isEqualTo(Duration.ZERO);
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.REMEMBERED_DEVICE_DAYS, " 7 ").rememberedDevice()).isEqualTo(Duration.ofDays(7));
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.INACTIVE_ACCOUNT_DAYS, "365").inactiveAccount()).contains(Duration.ofDays(365));
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.INACTIVE_ACCOUNT_DAYS, "0").inactiveAccount()).isEmpty();
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.FINGERPRINT, "FALSE").fingerprint()).isFalse();
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheSettingAndItsRange() {
        assertThatThrownBy(() -> PrivacySettingsFixtures.with(PrivacySettings.GEOLOCATION, "street"))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("geolocation").hasMessageContaining("CITY, COUNTRY, NONE");
        assertThatThrownBy(() -> PrivacySettingsFixtures.with(PrivacySettings.HISTORY_DAYS, "soon"))
                .hasMessageContaining("historyRetentionDays").hasMessageContaining("0 to 3650");
        assertThatThrownBy(() -> PrivacySettingsFixtures.with(PrivacySettings.DEVICE_DAYS, "-5")).hasMessageContaining("deviceRetentionDays");
        assertThatThrownBy(() -> PrivacySettingsFixtures.with(PrivacySettings.NETWORK, "yes")).hasMessageContaining("true or false");
    }

    @Test
    void theFailSafeCollectsNothing() {
        assertThat(Feature.values()).noneMatch(PrivacySettings.FAIL_SAFE::collects);
    }
}
