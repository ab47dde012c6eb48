package io.acktr.bench;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.Policy;
import io.acktr.curvature.kfac.KfacCurvatureEstimator;
import io.acktr.curvature.linalg.SymmetricEigen;
import io.acktr.runtime.algorithm.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One refresh of K-FAC's eigendecompositions for the preset's network, alone: the work K-FAC's
 * schedule does every {@code inverse-interval} updates, {@link SymmetricEigen#of} on the factors
 * {@code A} and {@code G} of every layer (EKFAC refreshes the same bases). The factors are the
 * real running averages of a {@code kfac:trust-region} estimator primed on the preset's batch,
 * read through {@link KfacCurvatureEstimator#factorA}/{@code factorG}; the refresh itself is not
 * reachable from outside acktr-curvature, so this replays its loop, in the precision the refresh
 * uses (the policy's data type for factors of {@value SymmetricEigen#FLOAT_FROM} rows or more). Divided by
 * {@code acktr.curvature.kfac.inverse-interval} it is the share of the refresh in each update of
 * {@link UpdateBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.COLLECTOR, ForkSettings.INITIAL_HEAP, ForkSettings.YOUNG_GENERATION, ForkSettings.HEAP, ForkSettings.SINGLE_THREADED})
public class KfacRefreshBenchmark {
    /** A {@link Preset} id: the network whose factors are decomposed; not {@code nature-cnn-32x20} by default (slow). */
    @Param({"cartpole-16x20", "cartpole-32x20", "gaussian-17x6-2048"})
    public String preset;

    /** Not a JMH parameter: a smaller batch of the preset's network, for tests; {@code null}: the preset's own. */
    Workload workload;

    /** The two Kronecker factors of one layer. */
    record LayerFactors(String layer, INDArray a, INDArray g) {
    }

    private List<LayerFactors> factors;
    private double eigenvalueFloor;
    private int inverseInterval;
    private DataType precision;

    /** Primes a K-FAC estimator on the preset and copies its factors. */
    @Setup(Level.Trial)
    public void setUp() {
        TrainingFixture fixture = TrainingFixture.create(Preset.of(preset), Variant.ACKTR,
                workload != null ? workload : Preset.of(preset).workload());
        CurvatureEstimator estimator = fixture.newCurvatureEstimator();
        if (!(estimator instanceof KfacCurvatureEstimator kfac)) {
            throw new IllegalStateException("the kfac plugin built a " + estimator.getClass().getName()
                    + ", not the KfacCurvatureEstimator whose factors this benchmark reads");
        }
        fixture.prime(fixture.newUpdate(kfac));
        factors = new ArrayList<>();
        for (String layer : kroneckerLayers(fixture.policy(), fixture.batch())) {
            factors.add(new LayerFactors(layer, kfac.factorA(layer), kfac.factorG(layer)));
        }
        eigenvalueFloor = fixture.config().getDouble("acktr.curvature.kfac.eigenvalue-floor");
        precision = fixture.policy().parameters().get(0).value().dataType();
        inverseInterval = fixture.config().getInt("acktr.curvature.kfac.inverse-interval");
        kfac.close();
    }

    /** Decomposes both factors of every layer. */
    @Benchmark
    public void refresh(Blackhole eigendecompositions) {
        for (LayerFactors layer : factors) {
            eigendecompositions.consume(SymmetricEigen.of(layer.a(), eigenvalueFloor, precision));
            eigendecompositions.consume(SymmetricEigen.of(layer.g(), eigenvalueFloor, precision));
        }
    }

    /** The factors' shapes, e.g. {@code pi/0 A 5x5 G 64x64}, for reports. */
    public String describeFactors() {
        return factors.stream().map(f -> f.layer() + " A " + f.a().rows() + "x" + f.a().columns() + " G " + f.g().rows()
                + "x" + f.g().columns()).collect(Collectors.joining(", "));
    }

    /** K-FAC's {@code inverse-interval}: updates per refresh. */
    public int inverseInterval() {
        return inverseInterval;
    }

    /** The layers a curvature estimator sees Kronecker statistics for, by parameter block. */
    private static List<String> kroneckerLayers(Policy policy, Batch batch) {
        ForwardPass pass = policy.forward(batch.observations());
        return policy.backward(pass, pass.distribution().logProbGradient(batch.actions()), pass.values().mul(0.0))
                .layers().stream().map(LayerStatistics::parameterName).toList();
    }
}
