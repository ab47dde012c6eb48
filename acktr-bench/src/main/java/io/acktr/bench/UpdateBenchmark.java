package io.acktr.bench;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.algorithm.UpdateResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link AcktrUpdate#update} per invocation: forward, backward, curvature statistics,
 * preconditioning, step size, step, and the KL measured after it, on the preset's batch. The
 * estimator is primed past its warm-up and first eigendecompositions
 * ({@link TrainingFixture#primingUpdates()}); in the measurement every {@code inverse-interval}-th
 * update of K-FAC and EKFAC refreshes the eigendecompositions, so the score is their amortised
 * cost ({@link KfacRefreshBenchmark} times a refresh alone). Each iteration starts again from the
 * parameters as primed, so thousands of steps on one batch cannot drive the network somewhere else;
 * the statistics and step-rule state carry on.
 *
 * <p>{@code cg-fisher:line-search} needs exact Fisher-vector products, i.e. a policy with forward
 * mode; on a policy without it the trial fails at set-up with that message and JMH goes on with
 * the other parameters. Choose the variants with {@code -p variant=identity:rmsprop,kfac:trust-region}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.COLLECTOR, ForkSettings.INITIAL_HEAP, ForkSettings.YOUNG_GENERATION, ForkSettings.HEAP, ForkSettings.SINGLE_THREADED})
public class UpdateBenchmark {
    /**
     * K-FAC as it costs about what A2C costs: the statistics every 10 updates (their decay per folded
     * batch matched), the curvature work on background threads (docs/BENCHMARKS.md).
     */
    public static final String FAST_KFAC = "kfac:trust-region@acktr.curvature.kfac.async=true"
            + "@acktr.curvature.kfac.statistics-interval=10@acktr.curvature.kfac.stats-decay=0.9";

    /** {@code curvature:step}, see {@link Variant}. */
    @Param({"identity:rmsprop", "kfac:trust-region", FAST_KFAC, "ekfac:trust-region", "diagonal:trust-region",
            "cg-fisher:line-search"})
    public String variant;

    /** A {@link Preset} id; not {@code nature-cnn-32x20} by default (minutes per trial). */
    @Param({"cartpole-16x20", "cartpole-32x20", "gaussian-17x6-2048"})
    public String preset;

    /** Not a JMH parameter: a smaller batch of the preset's network, for tests; {@code null}: the preset's own. */
    Workload workload;

    private TrainingFixture fixture;
    private CurvatureEstimator curvature;
    private AcktrUpdate update;
    private List<INDArray> primedParameters;
    private long updates;
    private long skipped;

    /** Builds the fixture and primes the estimator. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = TrainingFixture.create(Preset.of(preset), Variant.parse(variant),
                workload != null ? workload : Preset.of(preset).workload());
        curvature = fixture.newCurvatureEstimator();
        update = fixture.newUpdate(curvature);
        fixture.prime(update);
        primedParameters = fixture.saveParameters();
    }

    /** Every iteration starts from the primed parameters. */
    @Setup(Level.Iteration)
    public void restorePrimedParameters() {
        fixture.restoreParameters(primedParameters);
    }

    /** One update on the batch. */
    @Benchmark
    public UpdateResult update() {
        UpdateResult result = update.update(fixture.batch(), 0);
        updates++;
        if (!result.applied()) {
            skipped++;
        }
        return result;
    }

    /** Fails the trial when updates were skipped: a skipped update is cheaper and the score would flatter it. */
    @TearDown(Level.Trial)
    public void checkNoUpdateWasSkipped() {
        curvature.close(); // its background threads end with the trial
        if (skipped > 0) {
            throw new IllegalStateException(skipped + " of " + updates + " updates of " + variant + " on " + preset
                    + " were skipped (non-finite direction); the score does not measure real updates");
        }
    }
}
