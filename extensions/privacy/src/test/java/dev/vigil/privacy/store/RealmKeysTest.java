package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.privacy.testing.RequestSessions;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

/** A login pseudonymizes a dozen values and records them: the realm's secret is read once for all of them. */
class RealmKeysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    private final EntityManager em = mock(EntityManager.class);
    private final KeycloakSession session = RequestSessions.over(em);
    private final RealmKeyEntity key = new RealmKeyEntity();

    RealmKeysTest() {
        key.realmId = "realm";
        key.secret = Base64.getEncoder().encodeToString(SECRET);
        when(em.find(RealmKeyEntity.class, "realm")).thenReturn(key);
    }

    @Test
    void aSessionReadsTheSecretOnceForEveryValue() {
        for (Feature feature : Feature.values()) {
            new Pseudonyms(RealmKeys.of(session, CLOCK).secret("realm")).of(feature, "value");
        }

        assertThat(RealmKeys.of(session, CLOCK).secret("realm")).isEqualTo(SECRET);
        verify(em, times(1)).find(RealmKeyEntity.class, "realm");
    }

    @Test
    void whatACallerDoesWithItsCopyChangesNothingKept() {
        RealmKeys.of(session, CLOCK).secret("realm")[0] = 0;

        assertThat(RealmKeys.of(session, CLOCK).secret("realm")).isEqualTo(SECRET);
    }

    @Test
    void aRotationInTheSessionIsWhatItReadsNext() {
        byte[] before = RealmKeys.of(session, CLOCK).secret("realm");

        RealmKeys.of(session, CLOCK).rotate("realm");

        assertThat(RealmKeys.of(session, CLOCK).secret("realm")).isNotEqualTo(before)
                .isEqualTo(Base64.getDecoder().decode(key.secret));
    }
}
