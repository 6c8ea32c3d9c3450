package dev.vigil.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.testing.RequestSessions;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Finding the consent step walks the realm's flows: a request does it once, however many steps read the settings. */
class ConsentStepConfigTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final KeycloakSession session = RequestSessions.over(mock(EntityManager.class));

    ConsentStepConfigTest() {
        RealmWithConsentStep.stub(realm, Map.of(ConsentConfig.TERMS_VERSION, "2027-03", PrivacySettings.FINGERPRINT, "false"));
    }

    @Test
    void theSettingsAndTermsOfOneRequestComeFromOneWalkThroughTheFlows() {
        for (Feature feature : Feature.values()) {
            PrivacySettings.of(session, realm).collects(feature);
        }
        ConsentConfig.of(session, realm);
        ConsentConfig.of(session, realm);

        assertThat(PrivacySettings.of(session, realm).collects(Feature.FINGERPRINT)).isFalse();
        assertThat(ConsentConfig.of(session, realm)).map(ConsentConfig::termsVersion).contains("2027-03");
        verify(realm, times(1)).getAuthenticationFlowsStream();
    }

    @Test
    void anotherRequestReadsThemAfresh() {
        PrivacySettings.of(session, realm);

        PrivacySettings.of(RequestSessions.over(mock(EntityManager.class)), realm);

        verify(realm, times(2)).getAuthenticationFlowsStream();
    }

    @Test
    void aRealmWithoutAConsentStepHasNoTermsAndTheDefaults() {
        when(realm.getAuthenticationExecutionsStream(anyString())).thenAnswer(call -> Stream.empty());

        assertThat(ConsentConfig.of(session, realm)).isEmpty();
        assertThat(PrivacySettings.of(session, realm).collects(Feature.FINGERPRINT)).isTrue();
    }
}
