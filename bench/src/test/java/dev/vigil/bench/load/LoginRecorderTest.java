package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginRecorderTest {

    @Test
    void talliesLatenciesPagesShownFailuresAndLateArrivals() {
        LoginRecorder recorder = new LoginRecorder();
        recorder.success(5, new BrowserLogin.Outcome(false, false, true));
        recorder.success(7, new BrowserLogin.Outcome(true, true, true));
        recorder.success(9, new BrowserLogin.Outcome(false, false, false));
        recorder.failure("u1: unexpected page");
        recorder.late(3);

        LoginTally tally = recorder.tally();

        assertThat(tally.latencyNanos()).containsExactly(5, 7, 9);
        assertThat(tally.steppedUp()).isEqualTo(1);
        assertThat(tally.termsShown()).isEqualTo(1);
        assertThat(tally.deviceChecked()).isEqualTo(2);
        assertThat(tally.late()).isEqualTo(3);
        assertThat(tally.failures()).containsExactly("u1: unexpected page");
    }
}
