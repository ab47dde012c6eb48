package io.acktr.curvature.kfac;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.guice.KfacSettings;
import io.acktr.curvature.stats.DenseLayers;
import io.acktr.curvature.stats.RunningDiagonal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * K-FAC (Martens and Grosse 2015) for dense layers: each layer's Fisher block is approximated by
 * {@code A ⊗ G}, kept as running averages and inverted through eigendecompositions refreshed every
 * {@code inverse-interval} observations. Blocks without Kronecker structure (e.g. a Gaussian
 * log-std) get a running diagonal Fisher {@code E[g^2]}. During the first {@code warmup-updates}
 * observations the statistics only accumulate and the direction is the plain gradient.
 */
public final class KfacCurvatureEstimator implements CurvatureEstimator {
    public static final String NAME = "kfac";

    private final KfacSettings settings;
    private final Map<String, KroneckerFactors> factors = new LinkedHashMap<>();
    private final RunningDiagonal diagonals = new RunningDiagonal(NAME);
    private long observations;
    private long observationsSinceRefresh;

    public KfacCurvatureEstimator(KfacSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void observe(FisherSample sample) {
        double decay = settings.statsDecay();
        for (LayerStatistics layer : sample.layers()) {
            DenseLayerStatistics dense = DenseLayers.require(layer, NAME);
            boolean finite = factors.computeIfAbsent(dense.parameterName(), KroneckerFactors::new)
                    .accumulate(dense.activations(), dense.preActivationGradients(), decay);
            if (!finite) {
                diagonals.warnNonFinite(dense.parameterName());
            }
        }
        sample.perSampleGradients().forEach((block, perSample) -> diagonals.foldPerSample(block, perSample, decay));
        observations++;
        observationsSinceRefresh++;
        boolean stale = factors.values().stream().anyMatch(f -> !f.hasEigenbases());
        if (stale || observationsSinceRefresh >= settings.inverseInterval()) {
            refreshEigenbases();
        }
    }

    /** Whether the warm-up is over and directions are preconditioned. */
    public boolean isPreconditioning() {
        return observations > settings.warmupUpdates();
    }

    @Override
    public Direction precondition(Gradient gradient) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : gradient.blocks().entrySet()) {
            blocks.put(e.getKey(), isPreconditioning() ? preconditionBlock(e.getKey(), e.getValue()) : e.getValue());
        }
        return new Direction(blocks, gradient.dot(blocks));
    }

    private INDArray preconditionBlock(String name, INDArray gradient) {
        KroneckerFactors layer = factors.get(name);
        if (layer != null) {
            return layer.precondition(gradient, settings.dampingForm(), settings.damping()).castTo(gradient.dataType());
        }
        if (diagonals.has(name)) {
            return diagonals.precondition(name, gradient, settings.damping());
        }
        throw new IllegalStateException("kfac has no curvature statistics for parameter block " + name
                + "; blocks with statistics: " + String.join(", ", factors.keySet()) + ", " + String.join(", ", diagonals.blocks()));
    }

    private void refreshEigenbases() {
        for (KroneckerFactors layer : factors.values()) {
            if (layer.isFinite()) {
                layer.refreshEigenbases(settings.eigenvalueFloor());
            }
        }
        observationsSinceRefresh = 0;
    }

    /** The running factor {@code A} of a layer, for tests and diagnostics. */
    public INDArray factorA(String layer) {
        return factors.get(layer).a().dup();
    }

    /** The running factor {@code G} of a layer, for tests and diagnostics. */
    public INDArray factorG(String layer) {
        return factors.get(layer).g().dup();
    }
}
