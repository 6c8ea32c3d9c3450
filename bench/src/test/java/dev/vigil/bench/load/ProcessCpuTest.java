package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void addsUserAndSystemTimeInHundredthsOfASecond() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 56 0 0 20 0 80 0 100 0";

        assertThat(ProcessCpu.parse(stat)).isEqualTo(Duration.ofMillis(12_900));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "7 (a (weird) name) R 1 7 7 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 5 0";

        assertThat(ProcessCpu.parse(stat)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theTimeOfEndedChildrenCountsForTheParent() {
        String stat = "4242 (postgres) S 1 4242 4242 0 -1 4194560 1000 0 0 0 100 50 700 150 20 0 1 0 100 0";

        assertThat(ProcessCpu.withEndedChildren(stat)).isEqualTo(Duration.ofMillis(10_000));
    }

    @Test
    void tellsHotSpotsCompilerThreadsFromTheOthers() {
        assertThat(ProcessCpu.isCompilerThread("17 (C2 CompilerThre) S 1 7 7 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 5 0")).isTrue();
        assertThat(ProcessCpu.isCompilerThread("18 (C1 CompilerThre) S 1 7 7 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 5 0")).isTrue();
        assertThat(ProcessCpu.isCompilerThread("19 (executor-thread) S 1 7 7 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 5 0")).isFalse();
        assertThat(ProcessCpu.isCompilerThread("20 (G1 Conc#0) S 1 7 7 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 5 0")).isFalse();
    }

    @Test
    void readsTheCompilerThreadsOfThisJvm() {
        // A test JVM has compiled plenty by now (JUnit, AssertJ); each HotSpot compiler keeps its first thread.
        Duration compiling = ProcessCpu.compilerThreads(ProcessHandle.current().pid());

        assertThat(compiling).isPositive().isLessThan(ProcessCpu.self());
    }

    @Test
    void readsThisProcess() {
        assertThat(ProcessCpu.self()).isPositive();
    }
}
