package dev.vigil.risk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignInHistoryProvider;
import dev.vigil.api.testing.InMemorySingleUseObjects;
import dev.vigil.api.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class FailedLoginsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);
    private FailedLogins failures;

    @BeforeEach
    void session() {
        KeycloakSession session = mock(KeycloakSession.class);
        RealmModel realm = mock(RealmModel.class);
        SignInHistoryProvider history = mock(SignInHistoryProvider.class);
        when(realm.getId()).thenReturn("realm-1");
        when(session.singleUseObjects()).thenReturn(store);
        when(session.getProvider(SignInHistoryProvider.class)).thenReturn(history);
        when(history.stored(any(), eq(Feature.IP), any())).thenAnswer(call -> "hash(" + call.getArgument(2) + ")");
        failures = new FailedLogins(session, realm);
    }

    @Test
    void rotatingAddressesWithinOneIpv6SubnetCountAsOneClient() throws Exception {
        for (int i = 1; i <= 5; i++) {
            failures.countFailure(InetAddress.getByName("2001:db8:1:2::" + Integer.toHexString(i)));
        }

        assertThat(failures.recent(InetAddress.getByName("2001:db8:1:2:ffff::1"), 10)).isEqualTo(5);
        assertThat(failures.recent(InetAddress.getByName("2001:db8:1:3::1"), 10)).isZero();
    }

    @Test
    void ipv4AddressesCountOneByOne() throws Exception {
        failures.countFailure(InetAddress.getByName("192.0.2.1"));

        assertThat(failures.recent(InetAddress.getByName("192.0.2.1"), 10)).isEqualTo(1);
        assertThat(failures.recent(InetAddress.getByName("192.0.2.2"), 10)).isZero();
    }

    @Test
    void aClientHoldsAtMostTheCapOfEntriesAndTheyExpireWithTheWindow() throws Exception {
        InetAddress address = InetAddress.getByName("2001:db8::1");
        for (int i = 0; i < FailedLogins.CAP * 3; i++) {
            failures.countFailure(address);
        }

        assertThat(failures.recent(address, FailedLogins.CAP * 3)).isEqualTo(FailedLogins.CAP);
        clock.advance(FailedLogins.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(failures.recent(address, FailedLogins.CAP)).isZero();
    }
}
