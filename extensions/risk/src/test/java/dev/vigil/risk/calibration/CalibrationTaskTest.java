package dev.vigil.risk.calibration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import dev.vigil.api.schedule.ClusterInterval;
import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.flow.RiskEvaluationAuthenticatorFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;
import org.keycloak.models.SingleUseObjectProvider;

class CalibrationTaskTest {

    private static final Instant NOW = Instant.parse("2026-12-01T14:00:30Z");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final SingleUseObjectProvider singleUse = mock(SingleUseObjectProvider.class);
    private final RealmProvider realms = mock(RealmProvider.class);
    private final Recalibration recalibration = mock(Recalibration.class);
    private final ClusterInterval interval = new ClusterInterval(CalibrationTask.NAME, Duration.ofHours(24));
    private final CalibrationTask task = new CalibrationTask(Clock.fixed(NOW, ZoneOffset.UTC), interval, recalibration);

    @Test
    void recomputesTheRealmsAskingForCalibratedThresholdsOnceItHasClaimedItsInterval() {
        RealmModel calibrated = realmWithRiskStep("calibrated-realm", Map.of("thresholdMode", "calibrated"));
        RealmModel fixed = realmWithRiskStep("fixed-realm", Map.of("thresholdMode", "fixed"));
        given(session.singleUseObjects()).willReturn(singleUse);
        given(singleUse.putIfAbsent("vigil-risk-calibration:86400:20788", interval.claimLifespanSeconds())).willReturn(true);
        given(session.realms()).willReturn(realms);
        given(realms.getRealmsStream()).willReturn(Stream.of(calibrated, fixed));

        task.run(session);

        then(recalibration).should().run(eq("calibrated-realm"), any(RiskConfig.class));
        then(recalibration).shouldHaveNoMoreInteractions();
    }

    @Test
    void aRealmThatFailsLeavesTheOthersToRun() {
        RealmModel broken = realmWithRiskStep("broken-realm", Map.of("thresholdMode", "calibrated", "mediumThreshold", "-1"));
        RealmModel calibrated = realmWithRiskStep("calibrated-realm", Map.of("thresholdMode", "calibrated"));
        given(session.singleUseObjects()).willReturn(singleUse);
        given(singleUse.putIfAbsent(anyString(), anyLong())).willReturn(true);
        given(session.realms()).willReturn(realms);
        given(realms.getRealmsStream()).willReturn(Stream.of(broken, calibrated));

        task.run(session);

        then(recalibration).should().run(eq("calibrated-realm"), any(RiskConfig.class));
        then(recalibration).shouldHaveNoMoreInteractions();
    }

    @Test
    void doesNothingInAnIntervalAnotherNodeClaimed() {
        given(session.singleUseObjects()).willReturn(singleUse);
        given(singleUse.putIfAbsent(anyString(), anyLong())).willReturn(false);

        task.run(session);

        then(session).should().singleUseObjects();
        then(session).shouldHaveNoMoreInteractions();
        then(recalibration).shouldHaveNoInteractions();
    }

    private static RealmModel realmWithRiskStep(String id, Map<String, String> settings) {
        RealmModel realm = mock(RealmModel.class);
        given(realm.getId()).willReturn(id);
        given(realm.getName()).willReturn(id);
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId(id + "-flow");
        AuthenticationExecutionModel step = new AuthenticationExecutionModel();
        step.setAuthenticator(RiskEvaluationAuthenticatorFactory.ID);
        step.setAuthenticatorConfig(id + "-config");
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(settings);
        given(realm.getAuthenticationFlowsStream()).willAnswer(call -> Stream.of(flow));
        given(realm.getAuthenticationExecutionsStream(flow.getId())).willAnswer(call -> Stream.of(step));
        given(realm.getAuthenticatorConfigById(id + "-config")).willReturn(config);
        return realm;
    }
}
