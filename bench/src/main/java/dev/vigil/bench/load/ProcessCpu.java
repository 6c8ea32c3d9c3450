package dev.vigil.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
