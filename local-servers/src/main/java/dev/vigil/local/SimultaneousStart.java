package dev.vigil.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks each on a thread of its own, all released at the same instant once every thread is ready, so that they
 * race as simultaneous logins, requests or transactions would: what the concurrency tests need.
 */
public final class SimultaneousStart {

    private SimultaneousStart() {
    }

    /** One of the tasks, given its number (0 to count - 1). */
    @FunctionalInterface
    public interface Task<T> {
        T run(int number) throws Exception;
    }

    /**
     * Runs {@code count} tasks and returns their results in task order. A failing task's exception is thrown as the
     * task threw it (the first in task order); tasks not done within {@code timeout} give a {@link TimeoutException}
     * and are interrupted.
     */
    public static <T> List<T> run(int count, Duration timeout, Task<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            // A barrier, not a latch the caller opens: no task begins before the last thread is ready to begin too.
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                running.add(threads.submit(() -> {
                    start.await();
                    return task.run(number);
                }));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(resultOf(result, deadline, timeout));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T resultOf(Future<T> result, long deadline, Duration timeout) throws Exception {
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the simultaneous tasks were not all done within " + timeout);
        }
    }
}
