package dev.vigil.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The logins of one phase as they end, from every client or arrival (their callbacks may run on different event
 * loops), and the arrivals of an open loop that found no free user.
 */
final class LoginRecorder {

    private final List<Long> latencies = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int steppedUp;
    private int termsShown;
    private int deviceChecked;
    private int late;

    synchronized void success(long nanos, BrowserLogin.Outcome outcome) {
        latencies.add(nanos);
        steppedUp += outcome.steppedUp() ? 1 : 0;
        termsShown += outcome.termsShown() ? 1 : 0;
        deviceChecked += outcome.deviceChecked() ? 1 : 0;
    }

    synchronized void failure(String why) {
        failures.add(why);
    }

    synchronized void late(int arrivals) {
        late += arrivals;
    }

    synchronized LoginTally tally() {
        return new LoginTally(latencies.stream().mapToLong(Long::longValue).toArray(), steppedUp, termsShown,
                deviceChecked, late, List.copyOf(failures));
    }
}
