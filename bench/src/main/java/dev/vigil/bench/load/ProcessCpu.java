package dev.vigil.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** CPU time a process has used so far (user + system), from {@code /proc/<pid>/stat}: what it cost, not how long it took. */
public final class ProcessCpu {

    /** Linux's USER_HZ: the unit of utime and stime, 100 on every architecture Linux exports to user space. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    public static Duration of(long pid) {
        return parse(read(Path.of("/proc/" + pid + "/stat")));
    }

    /**
     * A process and its children, live (their own time) or ended (the time the kernel adds to the parent's cutime
     * and cstime): what a PostgreSQL server, one backend per connection, has used.
     */
    public static Duration ofTree(long pid) {
        ProcessHandle parent = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        Duration total = withEndedChildren(read(Path.of("/proc/" + pid + "/stat")));
        for (ProcessHandle child : parent.descendants().toList()) {
            try {
                total = total.plus(of(child.pid()));
            } catch (UncheckedIOException ended) {
                // ended since listed: its time is now in its parent's cutime, read next time
            }
        }
        return total;
    }

    /**
     * What a JVM's JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread1", ...) have used so far: compiling
     * code, not serving, a cost that falls as the server warms. Only threads alive now count: the server must keep
     * its compiler threads ({@code -XX:-UseDynamicNumberOfCompilerThreads}) for a difference of two readings to hold.
     */
    public static Duration compilerThreads(long pid) {
        Duration total = Duration.ZERO;
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = read(thread.resolve("stat"));
                    if (isCompilerThread(stat)) {
                        total = total.plus(parse(stat));
                    }
                } catch (UncheckedIOException ended) {
                    // a thread that ended since listed (never a compiler thread, which the server keeps)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the threads of " + pid, e);
        }
        return total;
    }

    /** HotSpot names them "C1 CompilerThread<n>" and "C2 CompilerThread<n>" (the kernel keeps 15 characters). */
    static boolean isCompilerThread(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.matches("C[12] CompilerThre.*");
    }

    /** This JVM: the load generator's own cost. */
    public static Duration self() {
        return parse(read(Path.of("/proc/self/stat")));
    }

    /** utime and stime are fields 14 and 15; the command name (field 2) is in parentheses and may hold spaces. */
    static Duration parse(String stat) {
        return ticks(stat, 11, 12);
    }

    /** Fields 16 and 17, cutime and cstime: the time of the children it has waited for. */
    static Duration withEndedChildren(String stat) {
        return ticks(stat, 11, 12).plus(ticks(stat, 13, 14));
    }

    private static Duration ticks(String stat, int first, int second) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(afterName[first]) + Long.parseLong(afterName[second]);
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
    }
}
