package dev.vigil.privacy.retention;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import dev.vigil.api.schedule.ClusterInterval;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmProvider;
import org.keycloak.models.SingleUseObjectProvider;

class RetentionTaskTest {

    private static final Instant NOW = Instant.parse("2026-12-01T14:00:30Z");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final SingleUseObjectProvider singleUse = mock(SingleUseObjectProvider.class);
    private final RealmProvider realms = mock(RealmProvider.class);
    private final ClusterInterval interval = new ClusterInterval(RetentionTask.NAME, Duration.ofMinutes(1));
    private final RetentionTask task = new RetentionTask(Clock.fixed(NOW, ZoneOffset.UTC), interval);

    @Test
    void runsOverTheRealmsOnceItHasClaimedItsInterval() {
        given(session.singleUseObjects()).willReturn(singleUse);
        given(singleUse.putIfAbsent(interval.claimKey(NOW), interval.claimLifespanSeconds())).willReturn(true);
        given(session.realms()).willReturn(realms);
        given(realms.getRealmsStream()).willReturn(Stream.empty());

        task.run(session);

        then(realms).should().getRealmsStream();
    }

    @Test
    void doesNothingInAnIntervalAnotherNodeClaimed() {
        given(session.singleUseObjects()).willReturn(singleUse);
        given(singleUse.putIfAbsent(anyString(), anyLong())).willReturn(false);

        task.run(session);

        then(session).should().singleUseObjects();
        then(session).shouldHaveNoMoreInteractions();
    }
}
