package io.acktr.runtime.bench;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.env.Environment;
import io.acktr.api.policy.Policy;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.lifecycle.NativeMemoryGuard;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.plugins.RunPlugins;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.worker.RolloutCollector;
import io.acktr.runtime.learner.RolloutAssembly;
import io.acktr.envs.wrappers.WrapperSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times one update of several variants on the same network and the same batch. The variants'
 * updates are interleaved round by round, so that load on a shared machine hits them alike; each
 * variant trains its own copy of the initial network on the one batch. Reports the median (an
 * update without an eigendecomposition) and the mean (eigendecompositions amortised) per variant.
 */
public final class UpdateCostBenchmark {
    /** One variant: a name and its fully resolved configuration. */
    public record Variant(String name, Config config) {
    }

    /**
     * Timings of one variant in milliseconds, and {@code roundRatio}: the median over rounds of its
     * time divided by the first variant's in the same round, which load that comes and goes on a
     * shared machine affects least.
     */
    public record Timing(String variant, double medianMillis, double meanMillis, double minMillis, double roundRatio,
                         double windowRatio, int updates, long parameters, int batchSize) {
    }

    /**
     * Consecutive rounds summed for {@link Timing#windowRatio}: the median over windows of the
     * variant's summed time over the first variant's. With K-FAC's default inverse interval each
     * window holds one eigendecomposition, so this is the amortised ratio, as robust to passing load
     * as the round ratio.
     */
    public static final int WINDOW = 10;

    private final ClassLoader classLoader;
    private final PluginLookup pluginLookup;

    public UpdateCostBenchmark(ClassLoader classLoader, PluginLookup pluginLookup) {
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
    }

    /**
     * @param warmup untimed updates per variant first (JIT, first eigendecompositions)
     * @param rounds timed updates per variant
     */
    public List<Timing> run(List<Variant> variants, int warmup, int rounds) {
        List<AcktrUpdate> updates = new ArrayList<>();
        List<CurvatureEstimator> estimators = new ArrayList<>();
        try {
            return run(variants, warmup, rounds, updates, estimators);
        } finally {
            estimators.forEach(CurvatureEstimator::close); // and with them their background threads
        }
    }

    private List<Timing> run(List<Variant> variants, int warmup, int rounds, List<AcktrUpdate> updates,
                             List<CurvatureEstimator> estimators) {
        Batch batch = null;
        for (Variant variant : variants) {
            Config config = variant.config();
            RunSettings run = RunSettings.from(config);
            AlgorithmSettings algorithm = AlgorithmSettings.from(config);
            RunPlugins plugins = pluginLookup.forRun(config);
            EnvironmentRegistry environments = EnvironmentRegistry.load(classLoader);
            SplittableRandom random = new SplittableRandom(run.seed());
            try (RolloutCollector collector = new RolloutCollector(() -> environments.create(run.environmentId()),
                    new WrapperSettings(List.of()), 0, run.environmentCount(), run.environmentCount(), algorithm, run.seed())) {
                Policy policy = plugins.policy().create(collector.observationSpace(), collector.actionSpace(), run.seed());
                if (batch == null) {
                    batch = RolloutAssembly.batch(List.of(collector.collect(policy, 0, List.of())));
                }
                estimators.add(plugins.curvatureEstimator().create());
                random.split(); // where the rollout's stream was
                updates.add(new AcktrUpdate(policy, estimators.get(estimators.size() - 1),
                        plugins.stepSizeRule().create(), algorithm, random.split()));
            }
        }
        // between updates, as the trainer does (the launcher leaves the resident set to it)
        NativeMemoryGuard guard = NativeMemoryGuard.forThisProcess(
                RunSettings.from(variants.get(0).config()).residentGcThresholdBytes());
        for (int i = 0; i < warmup; i++) {
            for (AcktrUpdate update : updates) {
                update.update(batch, 0);
                guard.check();
            }
        }
        long[][] nanos = new long[variants.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < updates.size(); v++) {
                long start = System.nanoTime();
                updates.get(v).update(batch, 0);
                nanos[v][r] = System.nanoTime() - start;
                guard.check();
            }
        }
        List<Timing> timings = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            long[] sorted = nanos[v].clone();
            Arrays.sort(sorted);
            double median = sorted[rounds / 2] / 1e6;
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = (double) nanos[v][r] / nanos[0][r];
            }
            Arrays.sort(ratios);
            timings.add(new Timing(variants.get(v).name(), median, mean, sorted[0] / 1e6, ratios[rounds / 2],
                    windowRatio(nanos[v], nanos[0]), rounds, updates.get(v).policy().parameterCount(), batch.size()));
        }
        return timings;
    }

    private static double windowRatio(long[] variant, long[] base) {
        int windows = Math.max(1, variant.length / WINDOW);
        double[] ratios = new double[windows];
        for (int w = 0; w < windows; w++) {
            long v = 0;
            long b = 0;
            for (int r = w * WINDOW; r < Math.min(variant.length, (w + 1) * WINDOW); r++) {
                v += variant[r];
                b += base[r];
            }
            ratios[w] = (double) v / b;
        }
        Arrays.sort(ratios);
        return ratios[windows / 2];
    }
}
