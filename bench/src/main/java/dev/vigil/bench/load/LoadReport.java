package dev.vigil.bench.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The figures per flow, pooled over its phases, the spread from phase to phase, and the candidate's over the baseline's. */
final class LoadReport {

    private LoadReport() {
    }

    static void print(PrintStream out, List<PhaseResult> phases, BenchRealms.Flow baseline, BenchRealms.Flow candidate) {
        out.println();
        out.println("phase  flow    logins  logins/s  server CPU/login  database CPU/login  stepped up  failures  generator CPU/login");
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult phase = phases.get(i);
            out.printf(Locale.ROOT, "%5d  %-6s  %6d  %8.1f  %13.2f ms  %15s  %9.1f%%  %8d  %16.2f ms%n", i + 1,
                    phase.flow().label(), phase.logins(), phase.loginsPerSecond(), phase.serverCpuPerLogin(),
                    phase.databaseCpuPerLogin().map(cpu -> String.format(Locale.ROOT, "%.2f ms", cpu)).orElse("-"),
                    100.0 * phase.steppedUp() / Math.max(1, phase.logins()), phase.failures().size(),
                    phase.generatorCpu().toNanos() / 1e6 / Math.max(1, phase.logins()));
        }
        Pooled base = Pooled.of(phases, baseline);
        Pooled other = Pooled.of(phases, candidate);
        out.println();
        out.println("flow    server CPU/login (phases: min-max)  logins/s (min-max)     p50       p95       p99  stepped up  generator CPU");
        for (Pooled flow : List.of(base, other)) {
            out.printf(Locale.ROOT, "%-6s  %8.2f ms (%6.2f-%6.2f)          %6.1f (%5.1f-%5.1f)  %6.1f ms %6.1f ms %6.1f ms  %9.1f%%  %5.1f%% of a core, %.2f ms/login%n",
                    flow.label, flow.cpuPerLogin, flow.min(PhaseResult::serverCpuPerLogin),
                    flow.max(PhaseResult::serverCpuPerLogin), flow.loginsPerSecond,
                    flow.min(PhaseResult::loginsPerSecond), flow.max(PhaseResult::loginsPerSecond), flow.p50, flow.p95,
                    flow.p99, flow.steppedUpShare * 100, flow.generatorCoreShare * 100, flow.generatorCpuPerLogin);
        }
        out.println();
        out.printf(Locale.ROOT, "%s/%s: server CPU per login %.2f (%s adds %.2f ms), logins/s %.2f, p50 %.2f, p95 %.2f, p99 %.2f (+%.1f ms)%n",
                other.label, base.label, other.cpuPerLogin / base.cpuPerLogin, other.label, other.cpuPerLogin - base.cpuPerLogin,
                other.loginsPerSecond / base.loginsPerSecond, other.p50 / base.p50, other.p95 / base.p95,
                other.p99 / base.p99, other.p99 - base.p99);
        if (base.databaseCpuPerLogin.isPresent() && other.databaseCpuPerLogin.isPresent()) {
            out.printf(Locale.ROOT, "PostgreSQL's CPU per login (its own processes, not in the server's): %s %.2f ms,"
                            + " %s %.2f ms (%s adds %.2f ms)%n", base.label, base.databaseCpuPerLogin.get(), other.label,
                    other.databaseCpuPerLogin.get(), other.label,
                    other.databaseCpuPerLogin.get() - base.databaseCpuPerLogin.get());
        }
        phases.stream().flatMap(phase -> phase.failures().stream()).distinct().limit(5)
                .forEach(failure -> out.println("failed login: " + failure));
    }

    /** One flow's phases together. */
    private record Pooled(String label, List<PhaseResult> phases, double cpuPerLogin, double loginsPerSecond, double p50,
            double p95, double p99, double steppedUpShare, double generatorCpuPerLogin, double generatorCoreShare,
            Optional<Double> databaseCpuPerLogin) {

        static Pooled of(List<PhaseResult> all, BenchRealms.Flow flow) {
            List<PhaseResult> phases = all.stream().filter(phase -> phase.flow().equals(flow)).toList();
            int logins = phases.stream().mapToInt(PhaseResult::logins).sum();
            double wall = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.wall())).sum();
            double serverCpu = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.serverCpu())).sum();
            double generatorCpu = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.generatorCpu())).sum();
            int steppedUp = phases.stream().mapToInt(PhaseResult::steppedUp).sum();
            Optional<Double> databaseCpu = phases.stream().allMatch(phase -> phase.databaseCpu().isPresent())
                    ? Optional.of(phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.databaseCpu().get())).sum()
                            * 1000 / Math.max(1, logins))
                    : Optional.empty();
            return new Pooled(flow.label(), phases, serverCpu * 1000 / Math.max(1, logins), logins / wall,
                    PhaseResult.percentile(phases, 50), PhaseResult.percentile(phases, 95),
                    PhaseResult.percentile(phases, 99), (double) steppedUp / Math.max(1, logins),
                    generatorCpu * 1000 / Math.max(1, logins), generatorCpu / wall, databaseCpu);
        }

        double min(ToDoubleFunction<PhaseResult> figure) {
            return phases.stream().mapToDouble(figure).min().orElse(Double.NaN);
        }

        double max(ToDoubleFunction<PhaseResult> figure) {
            return phases.stream().mapToDouble(figure).max().orElse(Double.NaN);
        }
    }
}
