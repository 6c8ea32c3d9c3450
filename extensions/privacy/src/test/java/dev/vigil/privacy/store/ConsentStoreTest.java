package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import dev.vigil.privacy.testing.RequestSessions;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

/** A login asks for the user's consent several times (step, required action, history, activity): one query answers. */
class ConsentStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private final EntityManager em = mock(EntityManager.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<Long> count = mock(TypedQuery.class, RETURNS_SELF);
    private final Query withdraw = mock(Query.class, RETURNS_SELF);
    private final KeycloakSession session = RequestSessions.over(em);

    ConsentStoreTest() {
        when(em.createNamedQuery(ConsentRecordEntity.COUNT_ACTIVE_FOR_VERSION, Long.class)).thenReturn(count);
        when(em.createNamedQuery(ConsentRecordEntity.WITHDRAW_ACTIVE)).thenReturn(withdraw);
        when(withdraw.setParameter(anyString(), anyLong())).thenReturn(withdraw);
        when(withdraw.executeUpdate()).thenReturn(1);
    }

    @Test
    void aSessionAsksTheDatabaseOnceWhateverItsStepsAsk() {
        when(count.getSingleResult()).thenReturn(1L);

        boolean first = ConsentStore.of(session, CLOCK).hasActiveConsent("realm", "user", "2026-11");
        boolean again = ConsentStore.of(session, CLOCK).hasActiveConsent("realm", "user", "2026-11");

        assertThat(first).isTrue();
        assertThat(again).isTrue();
        verify(count, times(1)).getSingleResult();
    }

    @Test
    void anotherUserOrTermsVersionIsAskedForItself() {
        when(count.getSingleResult()).thenReturn(1L, 0L, 0L);
        ConsentStore store = ConsentStore.of(session, CLOCK);

        assertThat(store.hasActiveConsent("realm", "user", "2026-11")).isTrue();
        assertThat(store.hasActiveConsent("realm", "other", "2026-11")).isFalse();
        assertThat(store.hasActiveConsent("realm", "user", "2026-12")).isFalse();
        verify(count, times(3)).getSingleResult();
    }

    @Test
    void anotherSessionAsksAgain() {
        when(count.getSingleResult()).thenReturn(1L, 0L);

        assertThat(ConsentStore.of(session, CLOCK).hasActiveConsent("realm", "user", "2026-11")).isTrue();
        assertThat(ConsentStore.of(RequestSessions.over(em), CLOCK).hasActiveConsent("realm", "user", "2026-11")).isFalse();
    }

    @Test
    void anAcceptanceInTheSessionIsItsAnswer() {
        when(count.getSingleResult()).thenReturn(0L);
        ConsentStore store = ConsentStore.of(session, CLOCK);
        assertThat(store.hasActiveConsent("realm", "user", "2026-11")).isFalse();

        store.recordAcceptance("realm", "user", "2026-11", List.of("account-security"));

        assertThat(ConsentStore.of(session, CLOCK).hasActiveConsent("realm", "user", "2026-11")).isTrue();
        verify(em).persist(any(ConsentRecordEntity.class));
        verify(count, times(1)).getSingleResult();
    }

    @Test
    void aWithdrawalInTheSessionIsAskedAgain() {
        when(count.getSingleResult()).thenReturn(1L, 0L);
        ConsentStore store = ConsentStore.of(session, CLOCK);
        assertThat(store.hasActiveConsent("realm", "user", "2026-11")).isTrue();

        store.withdraw("realm", "user");

        assertThat(store.hasActiveConsent("realm", "user", "2026-11")).isFalse();
        verify(count, times(2)).getSingleResult();
    }
}
