package dev.vigil.bench.load;

import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.Future;

/**
 * Starts one measured login of a user: from their own browser, which keeps its persistent cookies from login to
 * login, or for a share of logins from a new device (a fresh browser, address and fingerprint, thrown away after),
 * and records how long it took from a given start.
 */
final class LoginStarter {

    private final BrowserLogin login;
    private final Browsers browsers;
    private final double newDevices;

    /** Each user's own browser, and new devices on demand. */
    interface Browsers {
        Browser own(BenchUser user);

        Browser newDevice(BenchUser user);
    }

    LoginStarter(BrowserLogin login, Browsers browsers, double newDevices) {
        this.login = login;
        this.browsers = browsers;
        this.newDevices = newDevices;
    }

    /** Signs {@code user} in; the latency recorded runs from {@code startNanos} ({@link System#nanoTime()}) to the tokens. */
    Future<Void> signIn(BenchRealms.Flow flow, BenchUser user, boolean mayUseNewDevice, long startNanos,
            LoginRecorder recorder) {
        boolean newDevice = mayUseNewDevice && ThreadLocalRandom.current().nextDouble() < newDevices;
        Browser browser = newDevice ? browsers.newDevice(user) : browsers.own(user);
        return login.signIn(browser, user, flow).transform(outcome -> {
            if (outcome.succeeded()) {
                recorder.success(System.nanoTime() - startNanos, outcome.result());
            } else {
                recorder.failure(user.username() + ": " + outcome.cause().getMessage());
            }
            return Future.succeededFuture();
        });
    }
}
