package io.acktr.curvature.kfac;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The statistics, inverses and preconditioning threads of asynchronous K-FAC, and their orderly
 * stop when the JVM exits.
 *
 * <p>The threads are daemons, so they never keep a finished program alive. But OpenBLAS frees its
 * work buffers when the process exits, and a thread still inside a BLAS or LAPACK call (a CNN's
 * eigendecomposition takes seconds) then reads freed memory: the JVM dies with a crash report
 * instead of exiting cleanly. {@link #SHARED} therefore stops at shutdown: queued work is dropped,
 * the call that is running finishes, and a refresh stops before its next decomposition.
 */
final class BackgroundThreads {
    /** How long the JVM's exit waits for a running native call: longer than any one decomposition. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(120);

    /** Shared by every estimator in the JVM: work queues, never piles up threads. */
    static final BackgroundThreads SHARED = stoppedAtExit(new BackgroundThreads("acktr-kfac-"));

    private final ExecutorService statistics;
    private final ExecutorService inverses;
    private final ExecutorService preconditioning;

    BackgroundThreads(String namePrefix) {
        this.statistics = daemon(namePrefix + "statistics");
        this.inverses = daemon(namePrefix + "inverses");
        this.preconditioning = daemon(namePrefix + "preconditioning");
    }

    /** Folds batches into the factors, runs deferred Fisher passes and copies factors for a refresh. */
    ExecutorService statistics() {
        return statistics;
    }

    /** Runs the periodic eigendecompositions. */
    ExecutorService inverses() {
        return inverses;
    }

    /** Preconditions gradient blocks told early, while the training thread's backward pass goes on. */
    ExecutorService preconditioning() {
        return preconditioning;
    }

    /**
     * Drops the queued work, interrupts the running tasks (a refresh checks between decompositions)
     * and waits up to {@code timeout} for them to return. True when every thread has ended.
     */
    boolean stop(Duration timeout) {
        List<ExecutorService> all = List.of(statistics, inverses, preconditioning);
        all.forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (ExecutorService executor : all) {
                if (!executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static BackgroundThreads stoppedAtExit(BackgroundThreads threads) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> threads.stop(EXIT_WAIT), "acktr-kfac-exit"));
        return threads;
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
