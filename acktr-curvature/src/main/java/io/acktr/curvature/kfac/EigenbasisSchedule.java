package io.acktr.curvature.kfac;

import io.acktr.curvature.linalg.SymmetricEigen;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * When the eigendecompositions of the Kronecker factors are refreshed: every {@code interval}
 * observations, and at once for a layer that has none yet. With {@code async} the periodic
 * refreshes run on a background thread on a snapshot of the factors, while updates keep using the
 * newest installed eigenbases; finished results are installed on the training thread at the next
 * {@link #installFinished} call, so estimators never see a half-written basis.
 */
final class EigenbasisSchedule {
    /** One daemon thread shared by every estimator in the JVM: decompositions queue, never pile up threads. */
    private static final class Background {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "acktr-kfac-inverses");
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Decomposed(SymmetricEigen a, SymmetricEigen g) {
    }

    private final int interval;
    private final double eigenvalueFloor;
    private final boolean async;
    private long sinceRefresh;
    private CompletableFuture<Map<String, Decomposed>> pending;
    private long asyncRefreshes;

    EigenbasisSchedule(int interval, double eigenvalueFloor, boolean async) {
        this.interval = interval;
        this.eigenvalueFloor = eigenvalueFloor;
        this.async = async;
    }

    /** Counts one observation and refreshes (or starts refreshing) the eigenbases that are due. */
    void afterObservation(Map<String, KroneckerFactors> factors) {
        installFinished(factors);
        sinceRefresh++;
        boolean missing = factors.values().stream().anyMatch(f -> !f.hasEigenbases() && f.isFinite());
        if (missing) {
            refreshNow(factors.values());
        } else if (sinceRefresh >= interval) {
            if (async) {
                startBackgroundRefresh(factors);
            } else {
                refreshNow(factors.values());
            }
        }
    }

    /** Installs a finished background refresh, if there is one. */
    void installFinished(Map<String, KroneckerFactors> factors) {
        if (pending == null || !pending.isDone()) {
            return;
        }
        Map<String, Decomposed> result = pending.join();
        pending = null;
        result.forEach((layer, d) -> factors.get(layer).install(d.a(), d.g()));
    }

    /** Waits for a running background refresh and installs it (for tests and orderly shutdown). */
    void awaitBackground(Map<String, KroneckerFactors> factors) {
        if (pending != null) {
            pending.join();
            installFinished(factors);
        }
    }

    /** Number of refreshes started on the background thread. */
    long asyncRefreshes() {
        return asyncRefreshes;
    }

    private void refreshNow(Collection<KroneckerFactors> factors) {
        for (KroneckerFactors f : factors) {
            if (f.isFinite()) {
                f.install(SymmetricEigen.of(f.a(), eigenvalueFloor), SymmetricEigen.of(f.g(), eigenvalueFloor));
            }
        }
        sinceRefresh = 0;
    }

    private void startBackgroundRefresh(Map<String, KroneckerFactors> factors) {
        if (pending != null) {
            return; // the previous one is still running: keep counting, try again next observation
        }
        Map<String, KroneckerFactors.Snapshot> snapshots = new LinkedHashMap<>();
        factors.forEach((layer, f) -> {
            if (f.isFinite()) {
                snapshots.put(layer, f.snapshot());
            }
        });
        double floor = eigenvalueFloor;
        pending = CompletableFuture.supplyAsync(() -> {
            Map<String, Decomposed> result = new LinkedHashMap<>();
            snapshots.forEach((layer, s) -> result.put(layer,
                    new Decomposed(SymmetricEigen.of(s.a(), floor), SymmetricEigen.of(s.g(), floor))));
            return result;
        }, Background.EXECUTOR);
        asyncRefreshes++;
        sinceRefresh = 0;
    }
}
