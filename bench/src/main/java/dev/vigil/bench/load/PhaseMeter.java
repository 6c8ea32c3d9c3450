package dev.vigil.bench.load;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.vertx.core.Future;

/**
 * Measures one phase of one flow, closed or open loop: the CPU the server (and its JIT compiler threads), its database and the load generator used
 * from its start to its last login's end (from {@code /proc}), its wall time, and its logins.
 */
final class PhaseMeter {

    private final long serverPid;
    private final Supplier<Optional<Duration>> databaseCpu;

    PhaseMeter(long serverPid, Supplier<Optional<Duration>> databaseCpu) {
        this.serverPid = serverPid;
        this.databaseCpu = databaseCpu;
    }

    PhaseResult measure(BenchRealms.Flow flow, Supplier<Future<LoginRecorder>> phase) {
        Duration serverBefore = ProcessCpu.of(serverPid);
        Duration compilerBefore = ProcessCpu.compilerThreads(serverPid);
        Optional<Duration> databaseBefore = databaseCpu.get();
        Duration generatorBefore = ProcessCpu.self();
        long start = System.nanoTime();
        LoginTally tally = phase.get().toCompletionStage().toCompletableFuture().join().tally();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new PhaseResult(flow, tally, wall, ProcessCpu.of(serverPid).minus(serverBefore),
                ProcessCpu.compilerThreads(serverPid).minus(compilerBefore),
                databaseCpu.get().flatMap(after -> databaseBefore.map(after::minus)),
                ProcessCpu.self().minus(generatorBefore));
    }
}
