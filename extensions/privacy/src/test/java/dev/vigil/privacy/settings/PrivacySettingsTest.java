package dev.vigil.privacy.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.vigil.api.history.Feature;
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
    void anUnreadableGeolocationCollectsLessNotMore() {
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.GEOLOCATION, "street").geolocation()).isEqualTo(Geolocation.COUNTRY);
    }

    @Test
    void unreadableDaysFallBackToTheDefaultAndNegativeOnesToZero() {
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.HISTORY_DAYS, "soon").historyRetention()).isEqualTo(Duration.ofDays(180));
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.DEVICE_DAYS, "-5").deviceRetention()).isEqualTo(Duration.ZERO);
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.REMEMBERED_DEVICE_DAYS, " 7 ").rememberedDevice()).isEqualTo(Duration.ofDays(7));
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.INACTIVE_ACCOUNT_DAYS, "365").inactiveAccount()).contains(Duration.ofDays(365));
        assertThat(PrivacySettingsFixtures.with(PrivacySettings.INACTIVE_ACCOUNT_DAYS, "0").inactiveAccount()).isEmpty();
    }
}
