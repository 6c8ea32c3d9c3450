package dev.vigil.bench.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one phase of one flow measured: its logins, their latencies, and the CPU the server (and, of it, its JIT
 * compiler threads), its database (when it is a PostgreSQL of the run's own) and the generator used.
 */
record PhaseResult(BenchRealms.Flow flow, LoginTally tally, Duration wall, Duration serverCpu, Duration compilerCpu,
        Optional<Duration> databaseCpu, Duration generatorCpu) {

    int logins() {
        return tally.latencyNanos().length;
    }

    int steppedUp() {
        return tally.steppedUp();
    }

    List<String> failures() {
        return tally.failures();
    }

    double loginsPerSecond() {
        return logins() / seconds(wall);
    }

    /** Server CPU per successful login, in milliseconds. */
    double serverCpuPerLogin() {
        return serverCpu.toNanos() / 1e6 / Math.max(1, logins());
    }

    /** Of {@link #serverCpuPerLogin()}, what the JIT compiler's threads used: warm-up, not serving. */
    double compilerCpuPerLogin() {
        return compilerCpu.toNanos() / 1e6 / Math.max(1, logins());
    }

    /** The database's CPU per successful login, in milliseconds. */
    Optional<Double> databaseCpuPerLogin() {
        return databaseCpu.map(cpu -> cpu.toNanos() / 1e6 / Math.max(1, logins()));
    }

    /** Percentiles (nearest rank) of latencies pooled over phases, in milliseconds. */
    static double percentile(List<PhaseResult> phases, double p) {
        long[] all = phases.stream().flatMapToLong(phase -> Arrays.stream(phase.tally.latencyNanos())).sorted().toArray();
        if (all.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * all.length);
        return all[Math.max(0, rank - 1)] / 1e6;
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
