package dev.vigil.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.vigil.risk.signal.RememberedDevices.Presented;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class VerifiedCookieNoteTest {

    private static final String COOKIE = "eyJraWQiOiJrMSIsInR5cCI6InZpZ2lsLWRldmljZStqd3QiLCJhbGciOiJIUzUxMiJ9.e30.c2ln";
    private static final Presented VERIFIED = new Presented("realm-1", "user-1", "device-1", "key-1",
            Instant.parse("2026-12-01T10:15:30Z"), Instant.parse("2027-05-30T10:15:30Z"));

    private final Map<String, String> notes = new HashMap<>();
    private final AuthenticationSessionModel login = mock(AuthenticationSessionModel.class);

    @BeforeEach
    void aLoginsAuthenticationSession() {
        doAnswer(call -> notes.put(call.getArgument(0), call.getArgument(1))).when(login).setAuthNote(anyString(), anyString());
        when(login.getAuthNote(anyString())).thenAnswer(call -> notes.get(call.<String>getArgument(0)));
    }

    @Test
    void theNextRequestOfTheLoginRecallsWhatTheCookieSaid() {
        VerifiedCookieNote.note(login, COOKIE, VERIFIED);

        assertThat(VerifiedCookieNote.recall(login, COOKIE)).contains(VERIFIED);
    }

    @Test
    void anyOtherCookieValueRecallsNothing() {
        VerifiedCookieNote.note(login, COOKIE, VERIFIED);

        assertThat(VerifiedCookieNote.recall(login, COOKIE + "x")).isEmpty();
        assertThat(VerifiedCookieNote.recall(login, COOKIE.substring(1))).isEmpty();
    }

    @Test
    void theNoteHoldsADigestNotTheCookie() {
        VerifiedCookieNote.note(login, COOKIE, VERIFIED);

        assertThat(notes.get(VerifiedCookieNote.NOTE)).doesNotContain(COOKIE).doesNotContain("c2ln");
    }

    @Test
    void noNoteOrADamagedOneRecallsNothing() {
        assertThat(VerifiedCookieNote.recall(login, COOKIE)).isEmpty();

        notes.put(VerifiedCookieNote.NOTE, "{not json");
        assertThat(VerifiedCookieNote.recall(login, COOKIE)).isEmpty();
    }
}
