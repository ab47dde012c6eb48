package io.acktr.curvature.kfac;

import io.acktr.api.state.SavedState;
import io.acktr.curvature.kfac.KroneckerFactors.Decomposed;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the running Kronecker factors change and when their eigendecompositions are refreshed:
 * every {@code interval} observations, and at once for a layer that has none yet.
 *
 * <p>Synchronously, everything runs on the training thread. With {@code async}, every change of
 * the factors (folding in a batch) runs on a statistics thread, in the order the observations came,
 * so the factors are exactly the synchronous ones. A periodic refresh copies the factors there, in
 * turn, and decomposes the copies on a second thread, so long decompositions (a CNN's) hold up
 * neither the training nor the statistics. The training thread only queues the work and, at the
 * next {@link #installFinished} call after a refresh is done, installs its eigenbases, so estimators
 * never see a half-written basis. It waits when {@value #MAX_QUEUED} changes are queued (the queued
 * batches' activations stay in memory until folded), and before reading the factors itself
 * ({@link #quiesce}).
 */
final class EigenbasisSchedule {
    /** Changes of the factors that may wait in the queue before the training thread waits for them. */
    static final int MAX_QUEUED = 4;

    private final int interval;
    private final double eigenvalueFloor;
    private final boolean async;
    private final String threadPrefix;
    /** This schedule's threads (async), opened with the first background work. */
    private BackgroundThreads background;
    private long sinceRefresh;
    /** The last queued change of the factors (async); the next one runs after it. */
    private CompletableFuture<?> lane = CompletableFuture.completedFuture(null);
    private final AtomicInteger queued = new AtomicInteger();
    private CompletableFuture<Map<String, Decomposed>> pending;
    private long asyncRefreshes;

    EigenbasisSchedule(String estimator, int interval, double eigenvalueFloor, boolean async) {
        this.threadPrefix = "acktr-" + estimator + "-";
        this.interval = interval;
        this.eigenvalueFloor = eigenvalueFloor;
        this.async = async;
    }

    /** Changes the factors: now, or (async) on the background thread after the changes queued before. */
    void change(Runnable change) {
        if (async) {
            if (queued.get() >= MAX_QUEUED) {
                quiesce();
            }
            queued.incrementAndGet();
            lane = lane.thenRunAsync(() -> {
                try {
                    change.run();
                } finally {
                    queued.decrementAndGet();
                }
            }, background().statistics());
        } else {
            change.run();
        }
    }

    /**
     * Starts a computation that feeds the statistics (a deferred Fisher pass): now, or (async) on
     * the statistics thread, where it overlaps the training thread's own work.
     */
    <T> CompletableFuture<T> start(Supplier<T> computation) {
        return async
                ? CompletableFuture.supplyAsync(computation, background().statistics())
                : CompletableFuture.completedFuture(computation.get());
    }

    /** Waits for every queued change: the factors may then be read on this thread. */
    void quiesce() {
        join(lane);
    }

    /** Counts one observation and refreshes (or queues the refresh of) the eigenbases that are due. */
    void afterObservation(Map<String, KroneckerFactors> factors) {
        installFinished(factors);
        sinceRefresh++;
        List<KroneckerFactors> all = List.copyOf(factors.values());
        if (all.stream().anyMatch(f -> !f.hasEigenbases())) {
            quiesce();
            if (all.stream().anyMatch(f -> !f.hasEigenbases() && f.isFinite())) {
                refreshNow(all, factors);
                return;
            }
        }
        if (sinceRefresh >= interval) {
            if (async) {
                startBackgroundRefresh(all);
            } else {
                refreshNow(all, factors);
            }
        }
    }

    /** Decomposes every finite layer's factors on this thread and installs the results. */
    private void refreshNow(List<KroneckerFactors> all, Map<String, KroneckerFactors> factors) {
        decompose(all, eigenvalueFloor).forEach((layer, d) -> factors.get(layer).install(d.a(), d.g()));
        sinceRefresh = 0;
    }

    /** Installs a finished background refresh, if there is one; rethrows what failed on the background thread. */
    void installFinished(Map<String, KroneckerFactors> factors) {
        if (lane.isCompletedExceptionally()) {
            quiesce();
        }
        if (pending == null || !pending.isDone()) {
            return;
        }
        Map<String, Decomposed> result = join(pending);
        pending = null;
        result.forEach((layer, d) -> factors.get(layer).install(d.a(), d.g()));
    }

    /** Waits for the queued work and a running refresh, and installs it (for tests and orderly shutdown). */
    void awaitBackground(Map<String, KroneckerFactors> factors) {
        quiesce();
        if (pending != null) {
            join(pending);
        }
        installFinished(factors);
    }

    /** The threads of this schedule's background work, opened on first use. */
    BackgroundThreads background() {
        if (background == null) {
            background = BackgroundThreads.open(threadPrefix);
        }
        return background;
    }

    /** The background threads, once opened, for tests. */
    java.util.Optional<BackgroundThreads> openedThreads() {
        return java.util.Optional.ofNullable(background);
    }

    /** Stops the background threads, if any were opened: queued work is dropped, a running call finishes. */
    void close() {
        if (background != null) {
            background.close();
        }
    }

    /** Number of refreshes run on the background thread. */
    long asyncRefreshes() {
        return asyncRefreshes;
    }

    private void startBackgroundRefresh(List<KroneckerFactors> factors) {
        if (pending != null) {
            return; // the previous one is still running: keep counting, try again next observation
        }
        double floor = eigenvalueFloor;
        CompletableFuture<Map<String, KroneckerFactors.Snapshot>> copies = lane.thenApplyAsync(ignored -> snapshots(factors),
                background().statistics());
        lane = copies;
        pending = copies.thenApplyAsync(snapshots -> decomposeUnlessStopped(snapshots, floor), background().inverses());
        asyncRefreshes++;
        sinceRefresh = 0;
    }

    /** Copies of the factors of every layer whose factors are finite, by layer. */
    private static Map<String, KroneckerFactors.Snapshot> snapshots(Collection<KroneckerFactors> factors) {
        Map<String, KroneckerFactors.Snapshot> result = new LinkedHashMap<>();
        for (KroneckerFactors f : factors) {
            if (f.isFinite()) {
                result.put(f.layer(), f.snapshot());
            }
        }
        return result;
    }

    /**
     * The eigendecompositions of the copied factors, by layer, on a background thread: stops before
     * the next decomposition when the thread is interrupted (the JVM is exiting).
     */
    static Map<String, Decomposed> decomposeUnlessStopped(Map<String, KroneckerFactors.Snapshot> snapshots, double floor) {
        Map<String, Decomposed> result = new LinkedHashMap<>();
        for (Map.Entry<String, KroneckerFactors.Snapshot> layer : snapshots.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("K-FAC eigendecompositions stopped before layer " + layer.getKey());
            }
            result.put(layer.getKey(), layer.getValue().decompose(floor));
        }
        return result;
    }

    /** The eigendecompositions of every layer whose factors are finite, by layer. */
    private static Map<String, Decomposed> decompose(Collection<KroneckerFactors> factors, double floor) {
        Map<String, Decomposed> result = new LinkedHashMap<>();
        for (KroneckerFactors f : factors) {
            if (f.isFinite()) {
                result.put(f.layer(), f.current().decompose(floor));
            }
        }
        return result;
    }

    /** The future's result; what failed on a background thread is rethrown as it was thrown. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The observations since the last refresh and, with {@code async}, the refresh under way (waited
     * for, not installed: it is installed when it would have been). Call after {@link #quiesce()}.
     */
    SavedState save() {
        SavedState state = SavedState.empty().with("since-refresh", sinceRefresh).with("async-refreshes", asyncRefreshes);
        if (pending != null) {
            state = state.with("pending", 1.0);
            for (Map.Entry<String, Decomposed> layer : join(pending).entrySet()) {
                state = state.with("pending/" + layer.getKey() + "/a/", KroneckerFactors.save(layer.getValue().a()))
                        .with("pending/" + layer.getKey() + "/g/", KroneckerFactors.save(layer.getValue().g()));
            }
        }
        return state;
    }

    void restore(SavedState state, Collection<String> layers) {
        sinceRefresh = state.whole("since-refresh");
        asyncRefreshes = state.whole("async-refreshes");
        pending = null;
        if (state.hasScalar("pending")) {
            Map<String, Decomposed> decomposed = new LinkedHashMap<>();
            for (String layer : layers) {
                SavedState part = state.part("pending/" + layer + "/");
                if (part.hasArray("a/vectors")) {
                    decomposed.put(layer, new Decomposed(KroneckerFactors.restoreEigen(part.part("a/")),
                            KroneckerFactors.restoreEigen(part.part("g/"))));
                }
            }
            pending = CompletableFuture.completedFuture(decomposed);
        }
    }
}
