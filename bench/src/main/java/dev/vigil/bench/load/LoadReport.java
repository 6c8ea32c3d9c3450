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
        out.println("phase  flow    logins  logins/s  server CPU/login  of it JIT  database CPU/login  stepped up  failures  generator CPU/login");
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult phase = phases.get(i);
            out.printf(Locale.ROOT, "%5d  %-6s  %6d  %8.1f  %13.2f ms  %6.2f ms  %15s  %9.1f%%  %8d  %16.2f ms%n", i + 1,
                    phase.flow().label(), phase.logins(), phase.loginsPerSecond(), phase.serverCpuPerLogin(),
                    phase.compilerCpuPerLogin(),
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
        out.printf(Locale.ROOT, "Without the JIT compiler's threads (compiling, not serving; their share falls as the server"
                        + " warms): server CPU per login %s %.2f ms, %s %.2f ms (%s adds %.2f ms, %.2f)%n", base.label,
                base.servingCpuPerLogin(), other.label, other.servingCpuPerLogin(), other.label,
                other.servingCpuPerLogin() - base.servingCpuPerLogin(), other.servingCpuPerLogin() / base.servingCpuPerLogin());
        if (base.databaseCpuPerLogin.isPresent() && other.databaseCpuPerLogin.isPresent()) {
            out.printf(Locale.ROOT, "PostgreSQL's CPU per login (its own processes, not in the server's): %s %.2f ms,"
                            + " %s %.2f ms (%s adds %.2f ms)%n", base.label, base.databaseCpuPerLogin.get(), other.label,
                    other.databaseCpuPerLogin.get(), other.label,
                    other.databaseCpuPerLogin.get() - base.databaseCpuPerLogin.get());
        }
        printFailures(out, phases);
    }

    /**
     * {@code --measure new-device}: server CPU per login when every login is a new device's first, scored but not
     * stepped up, and the check that it was (the device-check page on each of Vigil's logins, never the terms).
     * False when a Vigil login was not such a login: the figure then is not the one asked for.
     */
    static boolean printNewDevice(PrintStream out, List<PhaseResult> phases, BenchRealms.Flow baseline,
            BenchRealms.Flow candidate) {
        Pooled base = Pooled.of(phases, baseline);
        Pooled other = Pooled.of(phases, candidate);
        out.println();
        out.printf(Locale.ROOT, "new device, first scored login (no OTP step): %s %.2f ms, %s %.2f ms server CPU per"
                        + " login, +%.2f ms (issue 12: at most +10 ms)%n", base.label, base.cpuPerLogin, other.label,
                other.cpuPerLogin, other.cpuPerLogin - base.cpuPerLogin);
        int logins = other.phases.stream().mapToInt(PhaseResult::logins).sum();
        int deviceChecked = other.phases.stream().mapToInt(phase -> phase.tally().deviceChecked()).sum();
        int termsShown = other.phases.stream().mapToInt(phase -> phase.tally().termsShown()).sum();
        int steppedUp = other.phases.stream().mapToInt(PhaseResult::steppedUp).sum();
        boolean asIntended = deviceChecked == logins && termsShown == 0 && steppedUp == 0;
        out.printf(Locale.ROOT, "%s's %d logins: the device-check page on %d, the terms on %d, a code asked on %d: %s%n",
                other.label, logins, deviceChecked, termsShown, steppedUp, asIntended
                        ? "each a consenting user's new device, scored in report-only mode"
                        : "NOT each a consenting user's new device scored without a code:"
                                + " the figure above is not the one asked for");
        return asIntended;
    }

    /** {@code --measure p99}: the closed-loop phase that found stock's saturation, and the open loop's rate from it. */
    static void printSaturation(PrintStream out, PhaseResult saturation, int clients, double perSecond) {
        double wall = PhaseResult.seconds(saturation.wall());
        out.printf(Locale.ROOT, "%s's saturation: %d clients, %d logins in %.1f s, %.1f logins/s, %.2f ms server CPU"
                        + " per login; the server used %.2f cores, the generator %.2f; open loop at half: %.1f logins/s%n",
                saturation.flow().label(), clients, saturation.logins(), wall, saturation.loginsPerSecond(),
                saturation.serverCpuPerLogin(), PhaseResult.seconds(saturation.serverCpu()) / wall,
                PhaseResult.seconds(saturation.generatorCpu()) / wall, perSecond);
    }

    /**
     * {@code --measure p99}: the open loop's latency percentiles (from each login's scheduled start) per phase and per
     * flow, the rate achieved, the arrivals that found no free user, the CPU, and Vigil's p99 over stock's.
     */
    static void printOpenLoop(PrintStream out, List<PhaseResult> phases, BenchRealms.Flow baseline,
            BenchRealms.Flow candidate, double perSecond) {
        out.println();
        out.println("phase  flow    arrivals  logins/s  late     p50 ms    p95 ms    p99 ms  server CPU/login  generator CPU");
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult phase = phases.get(i);
            List<PhaseResult> one = List.of(phase);
            out.printf(Locale.ROOT, "%5d  %-6s  %8d  %8.1f  %4d  %9.1f %9.1f %9.1f  %13.2f ms  %5.1f%% of a core%n", i + 1,
                    phase.flow().label(), phase.logins() + phase.failures().size(), phase.loginsPerSecond(),
                    phase.tally().late(), PhaseResult.percentile(one, 50), PhaseResult.percentile(one, 95),
                    PhaseResult.percentile(one, 99), phase.serverCpuPerLogin(),
                    100 * PhaseResult.seconds(phase.generatorCpu()) / PhaseResult.seconds(phase.wall()));
        }
        Pooled base = Pooled.of(phases, baseline);
        Pooled other = Pooled.of(phases, candidate);
        out.println();
        out.printf(Locale.ROOT, "open loop at %.1f arrivals/s (half of stock's saturation), latency from each login's"
                + " scheduled start%n", perSecond);
        out.println("flow    logins/s (min-max)  late     p50 ms    p95 ms    p99 ms (phases: min-max)  server CPU/login  generator CPU");
        for (Pooled flow : List.of(base, other)) {
            out.printf(Locale.ROOT, "%-6s  %6.1f (%5.1f-%5.1f)  %4d  %9.1f %9.1f %9.1f (%6.1f-%6.1f)  %13.2f ms  %5.1f%% of a core, %.2f ms/login%n",
                    flow.label, flow.loginsPerSecond, flow.min(PhaseResult::loginsPerSecond),
                    flow.max(PhaseResult::loginsPerSecond), flow.late, flow.p50, flow.p95, flow.p99,
                    flow.min(phase -> PhaseResult.percentile(List.of(phase), 99)),
                    flow.max(phase -> PhaseResult.percentile(List.of(phase), 99)), flow.cpuPerLogin,
                    flow.generatorCoreShare * 100, flow.generatorCpuPerLogin);
        }
        out.println();
        out.printf(Locale.ROOT, "p99 at half of stock's saturation: %s %.1f ms, %s %.1f ms, %+.1f ms (issue 12: at most"
                        + " +20 ms); p50 %+.1f ms, p95 %+.1f ms%n", base.label, base.p99, other.label, other.p99,
                other.p99 - base.p99, other.p50 - base.p50, other.p95 - base.p95);
        printFailures(out, phases);
    }

    private static void printFailures(PrintStream out, List<PhaseResult> phases) {
        phases.stream().flatMap(phase -> phase.failures().stream()).distinct().limit(5)
                .forEach(failure -> out.println("failed login: " + failure));
    }

    /** One flow's phases together. */
    private record Pooled(String label, List<PhaseResult> phases, double cpuPerLogin, double compilerCpuPerLogin,
            double loginsPerSecond, double p50,
            double p95, double p99, double steppedUpShare, double generatorCpuPerLogin, double generatorCoreShare,
            Optional<Double> databaseCpuPerLogin, int late) {

        static Pooled of(List<PhaseResult> all, BenchRealms.Flow flow) {
            List<PhaseResult> phases = all.stream().filter(phase -> phase.flow().equals(flow)).toList();
            int logins = phases.stream().mapToInt(PhaseResult::logins).sum();
            double wall = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.wall())).sum();
            double serverCpu = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.serverCpu())).sum();
            double compilerCpu = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.compilerCpu())).sum();
            double generatorCpu = phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.generatorCpu())).sum();
            int steppedUp = phases.stream().mapToInt(PhaseResult::steppedUp).sum();
            Optional<Double> databaseCpu = phases.stream().allMatch(phase -> phase.databaseCpu().isPresent())
                    ? Optional.of(phases.stream().mapToDouble(phase -> PhaseResult.seconds(phase.databaseCpu().get())).sum()
                            * 1000 / Math.max(1, logins))
                    : Optional.empty();
            return new Pooled(flow.label(), phases, serverCpu * 1000 / Math.max(1, logins),
                    compilerCpu * 1000 / Math.max(1, logins), logins / wall,
                    PhaseResult.percentile(phases, 50), PhaseResult.percentile(phases, 95),
                    PhaseResult.percentile(phases, 99), (double) steppedUp / Math.max(1, logins),
                    generatorCpu * 1000 / Math.max(1, logins), generatorCpu / wall, databaseCpu,
                    phases.stream().mapToInt(phase -> phase.tally().late()).sum());
        }

        /** Server CPU per login without the JIT compiler threads'. */
        double servingCpuPerLogin() {
            return cpuPerLogin - compilerCpuPerLogin;
        }

        double min(ToDoubleFunction<PhaseResult> figure) {
            return phases.stream().mapToDouble(figure).min().orElse(Double.NaN);
        }

        double max(ToDoubleFunction<PhaseResult> figure) {
            return phases.stream().mapToDouble(figure).max().orElse(Double.NaN);
        }
    }
}
