package dev.vigil.privacy.consent;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/** A mocked realm ("realm-id") whose one flow holds the consent step, configured with a map the test may change later. */
final class RealmWithConsentStep {

    private RealmWithConsentStep() {
    }

    static void stub(RealmModel realm, Map<String, String> consentSettings) {
        when(realm.getId()).thenReturn("realm-id");
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId("forms");
        when(realm.getAuthenticationFlowsStream()).thenAnswer(call -> Stream.of(flow));
        AuthenticationExecutionModel consentStep = new AuthenticationExecutionModel();
        consentStep.setAuthenticator(ConsentAuthenticatorFactory.ID);
        consentStep.setAuthenticatorConfig("consent-config");
        when(realm.getAuthenticationExecutionsStream(anyString())).thenAnswer(call -> Stream.of(consentStep));
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(consentSettings);
        when(realm.getAuthenticatorConfigById("consent-config")).thenReturn(config);
    }
}
