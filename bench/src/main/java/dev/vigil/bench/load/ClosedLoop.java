package dev.vigil.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Closed-loop clients: each signs its own users in, one login after the other and round the list, until the phase
 * ends. A share of logins comes from a new device (a fresh browser, address and fingerprint, thrown away after);
 * the others from the user's own browser, which keeps its persistent cookies from login to login.
 */
final class ClosedLoop {

    private final BrowserLogin login;
    private final List<List<BenchUser>> usersPerClient;
    private final Browsers browsers;
    private final double newDevices;

    /** Each user's own browser, and new devices on demand. */
    interface Browsers {
        Browser own(BenchUser user);

        Browser newDevice(BenchUser user);
    }

    ClosedLoop(BrowserLogin login, List<BenchUser> users, int clients, Browsers browsers, double newDevices) {
        this.login = login;
        this.browsers = browsers;
        this.newDevices = newDevices;
        this.usersPerClient = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            List<BenchUser> own = new ArrayList<>();
            for (int i = client; i < users.size(); i += clients) {
                own.add(users.get(i));
            }
            usersPerClient.add(own);
        }
    }

    /** Every user signs in once from their own browser: the terms accepted, the device remembered. */
    Future<Recorder> everyUserOnce(BenchRealms.Flow flow) {
        Recorder recorder = new Recorder();
        List<Future<Void>> clients = usersPerClient.stream()
                .map(users -> loop(flow, recorder, users, () -> false, users.size(), false))
                .toList();
        return Future.all(clients).map(done -> recorder);
    }

    /** Logins until {@code length} has passed; the logins under way then are finished and counted. */
    Future<Recorder> run(BenchRealms.Flow flow, Duration length) {
        Recorder recorder = new Recorder();
        long end = System.nanoTime() + length.toNanos();
        List<Future<Void>> clients = usersPerClient.stream()
                .map(users -> loop(flow, recorder, users, () -> System.nanoTime() >= end, Integer.MAX_VALUE, true))
                .toList();
        return Future.all(clients).map(done -> recorder);
    }

    private Future<Void> loop(BenchRealms.Flow flow, Recorder recorder, List<BenchUser> users, Supplier<Boolean> over,
            int maxLogins, boolean mayUseNewDevice) {
        Promise<Void> finished = Promise.promise();
        next(flow, recorder, users, over, 0, maxLogins, mayUseNewDevice, finished);
        return finished.future();
    }

    private void next(BenchRealms.Flow flow, Recorder recorder, List<BenchUser> users, Supplier<Boolean> over, int done,
            int maxLogins, boolean mayUseNewDevice, Promise<Void> finished) {
        if (done >= maxLogins || over.get()) {
            finished.complete();
            return;
        }
        BenchUser user = users.get(done % users.size());
        boolean newDevice = mayUseNewDevice && ThreadLocalRandom.current().nextDouble() < newDevices;
        Browser browser = newDevice ? browsers.newDevice(user) : browsers.own(user);
        long start = System.nanoTime();
        login.signIn(browser, user, flow).onComplete(outcome -> {
            if (outcome.succeeded()) {
                recorder.success(System.nanoTime() - start, outcome.result().steppedUp());
            } else {
                recorder.failure(user.username() + ": " + outcome.cause().getMessage());
            }
            next(flow, recorder, users, over, done + 1, maxLogins, mayUseNewDevice, finished);
        });
    }

    /** The logins of one phase, from every client (their callbacks may run on different event loops). */
    static final class Recorder {

        private final List<Long> latencies = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private int steppedUp;

        synchronized void success(long nanos, boolean stepped) {
            latencies.add(nanos);
            if (stepped) {
                steppedUp++;
            }
        }

        synchronized void failure(String why) {
            failures.add(why);
        }

        synchronized int steppedUp() {
            return steppedUp;
        }

        synchronized List<String> failures() {
            return List.copyOf(failures);
        }

        synchronized long[] latencyNanos() {
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
