package dev.vigil.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

/** A step's settings are parsed once per saved version, and never kept when a value is out of range. */
class ParsedSettingsTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final ParsedSettings<Integer> settings = new ParsedSettings<>(raw -> {
        parses.incrementAndGet();
        return SettingsReader.of(raw).integer("size", 100, 1, 1000);
    });

    @Test
    void oneSavedVersionIsParsedOnceHoweverOftenItIsRead() {
        AuthenticatorConfigModel model = config("risk", "250");

        for (int request = 0; request < 10; request++) {
            assertThat(settings.of(model)).isEqualTo(250);
        }
        assertThat(settings.of(config("risk", "250"))).as("the same version, read from another copy").isEqualTo(250);
        assertThat(parses).hasValue(1);
    }

    @Test
    void aSavedChangeIsReadAtOnceEvenWhenKeycloakChangedTheMapInPlace() {
        AuthenticatorConfigModel model = config("risk", "250");
        settings.of(model);

        model.getConfig().put("size", "300");

        assertThat(settings.of(model)).isEqualTo(300);
        assertThat(parses).hasValue(2);
    }

    @Test
    void twoConfigurationsWithTheSameContentAreKeptApart() {
        settings.of(config("risk-browser", "250"));
        settings.of(config("risk-reset", "250"));

        assertThat(parses).hasValue(2);
    }

    @Test
    void aStepWithoutConfigurationHasTheDefaults() {
        assertThat(settings.of(null)).isEqualTo(100);
        assertThat(settings.of(new AuthenticatorConfigModel())).isEqualTo(100);
    }

    @Test
    void aValueOutOfRangeIsRefusedAtEveryReadAndNeverKept() {
        AuthenticatorConfigModel model = config("risk", "10000");

        assertThatThrownBy(() -> settings.of(model)).isInstanceOf(InvalidSetting.class);
        assertThatThrownBy(() -> settings.of(model)).isInstanceOf(InvalidSetting.class);
        assertThat(parses).hasValue(2);
    }

    @Test
    void keepsABoundedNumberOfVersions() {
        for (int size = 1; size <= ParsedSettings.MAX_VERSIONS + 1; size++) {
            settings.of(config("risk", String.valueOf(size)));
        }
        settings.of(config("risk", "1"));

        assertThat(parses).as("the first version was dropped when the cache filled").hasValue(ParsedSettings.MAX_VERSIONS + 2);
    }

    private static AuthenticatorConfigModel config(String id, String size) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setId(id);
        model.setConfig(new HashMap<>(Map.of("size", size)));
        return model;
    }
}
