package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class SimultaneousStartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void everyTaskIsRunningAtTheSameTime() throws Exception {
        int count = 16;
        CountDownLatch running = new CountDownLatch(count);

        // Each task waits for all the others to be running: only tasks that really run together all see it.
        List<Boolean> sawAllRunning = SimultaneousStart.run(count, TIMEOUT, number -> {
            running.countDown();
            return running.await(5, TimeUnit.SECONDS);
        });

        assertThat(sawAllRunning).hasSize(count).containsOnly(true);
    }

    @Test
    void givesEachTaskItsNumberAndReturnsTheResultsInTaskOrder() throws Exception {
        CountDownLatch[] done = {new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1),
                new CountDownLatch(1), new CountDownLatch(1)};

        // Each task ends after the next one: the last task finishes first.
        List<Integer> results = SimultaneousStart.run(5, TIMEOUT, number -> {
            if (number < 4) {
                done[number + 1].await();
            }
            done[number].countDown();
            return number * 10;
        });

        assertThat(results).containsExactly(0, 10, 20, 30, 40);
    }

    @Test
    void throwsTheExceptionAFailingTaskThrew() {
        IllegalStateException failure = new IllegalStateException("task 3 failed");

        assertThatThrownBy(() -> SimultaneousStart.run(6, TIMEOUT, number -> {
            if (number == 3) {
                throw failure;
            }
            return number;
        })).isSameAs(failure);
    }

    @Test
    void interruptsTasksNotDoneInTimeAndSaysSo() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(2);

        assertThatThrownBy(() -> SimultaneousStart.run(2, Duration.ofMillis(200), number -> {
            try {
                return never.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        })).isInstanceOf(TimeoutException.class).hasMessageContaining("PT0.2S");

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("both tasks interrupted").isTrue();
    }
}
