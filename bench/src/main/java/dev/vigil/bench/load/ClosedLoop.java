package dev.vigil.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Closed-loop clients: each signs its own users in, one login after the other and round the list, until the phase
 * ends; {@link LoginStarter} picks each login's browser.
 */
final class ClosedLoop {

    private final LoginStarter starter;
    private final List<List<BenchUser>> usersPerClient;

    ClosedLoop(LoginStarter starter, List<BenchUser> users, int clients) {
        this.starter = starter;
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
    Future<LoginRecorder> everyUserOnce(BenchRealms.Flow flow) {
        LoginRecorder recorder = new LoginRecorder();
        List<Future<Void>> clients = usersPerClient.stream()
                .map(users -> loop(flow, recorder, users, () -> false, users.size(), false))
                .toList();
        return Future.all(clients).map(done -> recorder);
    }

    /** Logins until {@code length} has passed; the logins under way then are finished and counted. */
    Future<LoginRecorder> run(BenchRealms.Flow flow, Duration length) {
        LoginRecorder recorder = new LoginRecorder();
        long end = System.nanoTime() + length.toNanos();
        List<Future<Void>> clients = usersPerClient.stream()
                .map(users -> loop(flow, recorder, users, () -> System.nanoTime() >= end, Integer.MAX_VALUE, true))
                .toList();
        return Future.all(clients).map(done -> recorder);
    }

    private Future<Void> loop(BenchRealms.Flow flow, LoginRecorder recorder, List<BenchUser> users,
            Supplier<Boolean> over, int maxLogins, boolean mayUseNewDevice) {
        Promise<Void> finished = Promise.promise();
        next(flow, recorder, users, over, 0, maxLogins, mayUseNewDevice, finished);
        return finished.future();
    }

    private void next(BenchRealms.Flow flow, LoginRecorder recorder, List<BenchUser> users, Supplier<Boolean> over,
            int done, int maxLogins, boolean mayUseNewDevice, Promise<Void> finished) {
        if (done >= maxLogins || over.get()) {
            finished.complete();
            return;
        }
        BenchUser user = users.get(done % users.size());
        starter.signIn(flow, user, mayUseNewDevice, System.nanoTime(), recorder)
                .onComplete(ended -> next(flow, recorder, users, over, done + 1, maxLogins, mayUseNewDevice, finished));
    }
}
