package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.vigil.privacy.testing.RequestSessions;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

/** An unrestricted user has no row, which the persistence context cannot remember: the session does. */
class RestrictionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private final EntityManager em = mock(EntityManager.class);
    private final KeycloakSession session = RequestSessions.over(em);

    @Test
    void anUnrestrictedUserIsLookedUpOncePerSession() {
        assertThat(Restrictions.of(session, CLOCK).isRestricted("realm", "user")).isFalse();
        assertThat(Restrictions.of(session, CLOCK).isRestricted("realm", "user")).isFalse();

        verify(em, times(1)).find(RestrictionEntity.class, new UserKey("realm", "user"));
    }

    @Test
    void eachUserIsLookedUpForThemselves() {
        RestrictionEntity restricted = new RestrictionEntity();
        restricted.restrictedAt = 42;
        when(em.find(RestrictionEntity.class, new UserKey("realm", "restricted"))).thenReturn(restricted);
        Restrictions restrictions = Restrictions.of(session, CLOCK);

        assertThat(restrictions.restrictedSince("realm", "restricted")).contains(42L);
        assertThat(restrictions.isRestricted("realm", "user")).isFalse();
    }

    @Test
    void restrictingAndLiftingInTheSessionChangeItsAnswer() {
        Query lift = mock(Query.class, RETURNS_SELF);
        when(em.createNamedQuery(RestrictionEntity.DELETE_BY_USER)).thenReturn(lift);
        when(lift.setParameter(anyString(), any())).thenReturn(lift);
        Restrictions restrictions = Restrictions.of(session, CLOCK);

        restrictions.restrict("realm", "user");
        assertThat(restrictions.restrictedSince("realm", "user")).contains(CLOCK.millis());

        restrictions.lift("realm", "user");
        assertThat(restrictions.isRestricted("realm", "user")).isFalse();
        verify(em).persist(any(RestrictionEntity.class));
        verify(em, times(1)).find(RestrictionEntity.class, new UserKey("realm", "user"));
    }
}
