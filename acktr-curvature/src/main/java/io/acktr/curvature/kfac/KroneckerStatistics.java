package io.acktr.curvature.kfac;

import io.acktr.api.state.SavedState;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.stats.KroneckerLayer;
import io.acktr.curvature.stats.RunningDiagonal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What K-FAC and EKFAC keep alike: the running Kronecker factors of every layer, a running diagonal
 * Fisher for the blocks without Kronecker structure, the schedule of the eigendecompositions, and
 * the number of observations. Every {@code statisticsInterval}-th observation (the first included)
 * folds a batch in; the others only count, towards the warm-up and the eigendecomposition interval.
 */
final class KroneckerStatistics {
    private final String estimator;
    private final Map<String, KroneckerFactors> factors = new LinkedHashMap<>();
    private final RunningDiagonal diagonals;
    private final EigenbasisSchedule schedule;
    private final int statisticsInterval;
    private long observations;

    KroneckerStatistics(String estimator, int inverseInterval, int statisticsInterval, double eigenvalueFloor,
                        boolean async) {
        if (statisticsInterval < 1) {
            throw new IllegalArgumentException("statisticsInterval must be >= 1: " + statisticsInterval);
        }
        this.estimator = estimator;
        this.statisticsInterval = statisticsInterval;
        this.diagonals = new RunningDiagonal(estimator);
        this.schedule = new EigenbasisSchedule(estimator, inverseInterval, eigenvalueFloor, async);
    }

    /**
     * Folds one Fisher sample into the running statistics (a layer whose batch is not finite is left
     * out and logged), then refreshes the eigenbases that are due.
     *
     * @return the sample's layers by name
     */
    Map<String, KroneckerLayer> observe(FisherSample sample, double decay) {
        Map<String, KroneckerLayer> layers = new LinkedHashMap<>();
        for (LayerStatistics statistics : sample.layers()) {
            KroneckerLayer layer = KroneckerLayer.of(statistics, estimator);
            layers.put(layer.name(), layer);
        }
        Map<KroneckerFactors, KroneckerLayer> batch = new LinkedHashMap<>();
        layers.forEach((name, layer) -> batch.put(factors.computeIfAbsent(name, KroneckerFactors::new), layer));
        List<LayerStatistics> held = List.copyOf(sample.layers());
        held.forEach(LayerStatistics::retain); // the change may run on the statistics thread after this update
        schedule.change(() -> {
            try {
                batch.forEach((f, layer) -> {
                    if (!f.accumulate(layer, decay)) {
                        diagonals.warnNonFinite(f.layer());
                    }
                });
            } finally {
                held.forEach(LayerStatistics::release);
            }
        });
        sample.perSampleGradients().forEach((block, perSample) -> diagonals.foldPerSample(block, perSample, decay));
        observations++;
        schedule.afterObservation(factors);
        return layers;
    }

    /** Whether the next observation folds its batch into the statistics (else {@link #skip} counts it). */
    boolean foldsNext() {
        return observations % statisticsInterval == 0;
    }

    /** Counts an observation whose batch is not folded in, and refreshes the eigenbases that are due. */
    void skip() {
        observations++;
        schedule.afterObservation(factors);
    }

    /** Starts a deferred Fisher pass: now, or (async) on the statistics thread; see {@link EigenbasisSchedule#start}. */
    CompletableFuture<FisherSample> start(Supplier<FisherSample> pass) {
        return schedule.start(pass);
    }

    long observations() {
        return observations;
    }

    /** The factors of a layer, or null; their eigenbases only (the running factors may be changing, see {@link #settled}). */
    KroneckerFactors factors(String layer) {
        return factors.get(layer);
    }

    /** The factors of a layer, or null, once every queued change is done: their running {@code A} and {@code G} may be read. */
    KroneckerFactors settled(String layer) {
        schedule.quiesce();
        return factors.get(layer);
    }

    Map<String, KroneckerFactors> allFactors() {
        return Collections.unmodifiableMap(factors);
    }

    RunningDiagonal diagonals() {
        return diagonals;
    }

    /** Installs a finished background eigendecomposition, if there is one. */
    void installFinished() {
        schedule.installFinished(factors);
    }

    void awaitBackground() {
        schedule.awaitBackground(factors);
    }

    /** The thread that preconditions blocks early (async), opened on first use. */
    Executor preconditioningThread() {
        return schedule.background().preconditioning();
    }

    /** The background threads, once opened, for tests. */
    java.util.Optional<BackgroundThreads> backgroundThreads() {
        return schedule.openedThreads();
    }

    /** Stops the background threads; the statistics are not used after this. */
    void close() {
        schedule.close();
    }

    long backgroundRefreshes() {
        return schedule.asyncRefreshes();
    }

    /** The observation count, every layer's factors in order, the diagonals and the schedule; waits for queued changes. */
    SavedState save() {
        schedule.quiesce();
        SavedState state = SavedState.empty().with("observations", observations)
                .with("diagonals/", diagonals.save()).with("schedule/", schedule.save());
        int i = 0;
        for (KroneckerFactors f : factors.values()) {
            // a layer's name may hold '/': its entries go under its index, and the name maps to the index
            state = state.with("layers/" + i + "/", f.save()).with("layer-name/" + f.layer(), i);
            i++;
        }
        return state.with("layer-count", factors.size());
    }

    void restore(SavedState state) {
        schedule.quiesce();
        int count = Math.toIntExact(state.whole("layer-count"));
        String[] names = new String[count];
        state.scalars().forEach((key, index) -> {
            if (key.startsWith("layer-name/")) {
                names[index.intValue()] = key.substring("layer-name/".length());
            }
        });
        factors.clear();
        for (int i = 0; i < count; i++) {
            KroneckerFactors f = new KroneckerFactors(names[i]);
            f.restore(state.part("layers/" + i + "/"));
            factors.put(names[i], f);
        }
        diagonals.restore(state.part("diagonals/"));
        schedule.restore(state.part("schedule/"), factors.keySet());
        observations = state.whole("observations");
    }
}
