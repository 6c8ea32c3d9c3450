package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PhaseResultTest {

    private static PhaseResult phase(long fromMillis, long toMillis, Duration wall, Duration serverCpu) {
        long[] latencies = LongStream.rangeClosed(fromMillis, toMillis).map(millis -> millis * 1_000_000).toArray();
        return new PhaseResult(BenchRealms.VIGIL, new LoginTally(latencies, 0, 0, 0, 0, List.of()), wall, serverCpu,
                serverCpu.dividedBy(4), Optional.of(serverCpu.dividedBy(3)), Duration.ZERO);
    }

    @Test
    void percentilesArePooledOverPhasesByNearestRank() {
        List<PhaseResult> phases = List.of(phase(1, 50, Duration.ofSeconds(1), Duration.ZERO),
                phase(51, 100, Duration.ofSeconds(1), Duration.ZERO));

        assertThat(PhaseResult.percentile(phases, 50)).isEqualTo(50.0);
        assertThat(PhaseResult.percentile(phases, 95)).isEqualTo(95.0);
        assertThat(PhaseResult.percentile(phases, 99)).isEqualTo(99.0);
        assertThat(PhaseResult.percentile(List.of(phase(7, 7, Duration.ofSeconds(1), Duration.ZERO)), 99)).isEqualTo(7.0);
    }

    @Test
    void ratesAndCpuArePerSuccessfulLogin() {
        PhaseResult phase = phase(1, 200, Duration.ofSeconds(4), Duration.ofMillis(3_000));

        assertThat(phase.loginsPerSecond()).isCloseTo(50.0, within(1e-9));
        assertThat(phase.serverCpuPerLogin()).isCloseTo(15.0, within(1e-9));
        assertThat(phase.compilerCpuPerLogin()).isCloseTo(3.75, within(1e-9));
        assertThat(phase.databaseCpuPerLogin()).hasValueSatisfying(cpu -> assertThat(cpu).isCloseTo(5.0, within(1e-9)));
    }
}
