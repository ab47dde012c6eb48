package io.acktr.curvature.kfac;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The statistics, inverses and preconditioning threads of one asynchronous K-FAC estimator: made
 * when its first background work is queued, stopped when the estimator is closed with its run.
 *
 * <p>The threads are daemons, so they never keep a finished program alive. But OpenBLAS frees its
 * work buffers when the process exits, and a thread still inside a BLAS or LAPACK call (a CNN's
 * eigendecomposition takes seconds) then reads freed memory: the JVM dies with a crash report
 * instead of exiting cleanly. So while they are open, the threads are also stopped when the JVM
 * exits (a run interrupted by {@code System.exit} or a signal): queued work is dropped, the call
 * that is running finishes, and a refresh stops before its next decomposition. Closing removes that
 * exit hook again: nothing of a run outlives it.
 */
final class BackgroundThreads implements AutoCloseable {
    /** How long a stop waits for a running native call: longer than any one decomposition. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(120);

    private final ExecutorService statistics;
    private final ExecutorService inverses;
    private final ExecutorService preconditioning;
    private final Thread exitHook;

    private BackgroundThreads(String namePrefix) {
        this.statistics = daemon(namePrefix + "statistics");
        this.inverses = daemon(namePrefix + "inverses");
        this.preconditioning = daemon(namePrefix + "preconditioning");
        this.exitHook = new Thread(() -> stop(EXIT_WAIT), namePrefix + "exit");
    }

    /** Opens the three executors (their threads start with their first task) and the JVM-exit stop. */
    static BackgroundThreads open(String namePrefix) {
        BackgroundThreads threads = new BackgroundThreads(namePrefix);
        Runtime.getRuntime().addShutdownHook(threads.exitHook);
        return threads;
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

    /** Stops the threads ({@link #stop}) and withdraws the JVM-exit stop. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook stops the threads itself
        }
        stop(EXIT_WAIT);
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

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
