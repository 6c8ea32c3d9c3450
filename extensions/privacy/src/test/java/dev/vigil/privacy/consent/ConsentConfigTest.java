package dev.vigil.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import dev.vigil.api.settings.InvalidSetting;
import org.keycloak.models.AuthenticatorConfigModel;

class ConsentConfigTest {

    @Test
    void aStepWithoutConfigGetsSensibleDefaults() {
        ConsentConfig config = ConsentConfig.from((AuthenticatorConfigModel) null);

        assertThat(config.termsVersion()).isEqualTo("1");
        assertThat(config.policyUrl()).isEmpty();
        assertThat(config.purposes()).containsExactly("account-security");
        assertThat(config.requiredFor("any-client")).isTrue();
    }

    @Test
    void readsMultivaluedSettingsJoinedByKeycloaksDelimiter() {
        ConsentConfig config = ConsentConfig.from(model(Map.of(
                ConsentConfig.TERMS_VERSION, " 2026-11 ",
                ConsentConfig.POLICY_URL, "https://example.org/privacy",
                ConsentConfig.PURPOSES, "account-security##risk-scoring## ##risk-scoring",
                ConsentConfig.CLIENTS, "shop##blog")));

        assertThat(config.termsVersion()).isEqualTo("2026-11");
        assertThat(config.policyUrl()).isEqualTo("https://example.org/privacy");
        assertThat(config.purposes()).containsExactly("account-security", "risk-scoring");
        assertThat(config.requiredFor("shop")).isTrue();
        assertThat(config.requiredFor("blog")).isTrue();
        assertThat(config.requiredFor("intranet")).isFalse();
    }

    @Test
    void blankValuesFallBackToDefaults() {
        ConsentConfig config = ConsentConfig.from(model(Map.of(ConsentConfig.TERMS_VERSION, "  ", ConsentConfig.PURPOSES, "")));

        assertThat(config.termsVersion()).isEqualTo("1");
        assertThat(config.purposes()).containsExactly("account-security");
    }

    @Test
    void valuesThatWouldNotFitTheConsentRecordAreRefused() {
        assertThatThrownBy(() -> ConsentConfig.from(Map.of(ConsentConfig.TERMS_VERSION, "v".repeat(65))))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("termsVersion").hasMessageContaining("at most 64");
        assertThatThrownBy(() -> ConsentConfig.from(Map.of(ConsentConfig.PURPOSES, "a##b##c##d##e##f##g##h##i##j##k##l##m")))
                .hasMessageContaining("purposes").hasMessageContaining("at most 12");
        assertThatThrownBy(() -> ConsentConfig.from(Map.of(ConsentConfig.POLICY_URL, "javascript:alert(1)")))
                .hasMessageContaining("policyUrl").hasMessageContaining("http(s)");
        assertThat(ConsentConfig.from(Map.of(ConsentConfig.POLICY_URL, "/realms/demo/policy")).policyUrl())
                .isEqualTo("/realms/demo/policy");
    }

    private static AuthenticatorConfigModel model(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return model;
    }
}
