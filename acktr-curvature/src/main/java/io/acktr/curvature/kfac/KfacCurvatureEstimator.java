package io.acktr.curvature.kfac;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.guice.KfacSettings;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final Map<String, INDArray> diagonals = new LinkedHashMap<>();
    private static final Logger LOG = LoggerFactory.getLogger(KfacCurvatureEstimator.class);

    private final Set<String> warnedBlocks = new HashSet<>();
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
            if (!(layer instanceof DenseLayerStatistics dense)) {
                throw new IllegalArgumentException("kfac has no Kronecker factors for layer " + layer.parameterName()
                        + " of kind " + layer.getClass().getSimpleName());
            }
            boolean finite = factors.computeIfAbsent(dense.parameterName(), KroneckerFactors::new)
                    .accumulate(dense.activations(), dense.preActivationGradients(), decay);
            if (!finite) {
                warnNonFinite(dense.parameterName());
            }
        }
        for (Map.Entry<String, INDArray> e : sample.perSampleGradients().entrySet()) {
            INDArray perSample = e.getValue().castTo(DataType.DOUBLE);
            INDArray batch = perSample.mul(perSample).mean(true, 0);
            if (!Double.isFinite(batch.sumNumber().doubleValue())) {
                warnNonFinite(e.getKey());
                continue;
            }
            INDArray running = diagonals.get(e.getKey());
            if (running == null) {
                diagonals.put(e.getKey(), batch);
            } else {
                running.muli(decay).addi(batch.muli(1 - decay));
            }
        }
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
        INDArray diagonal = diagonals.get(name);
        if (diagonal != null) {
            INDArray grad = gradient.castTo(DataType.DOUBLE).reshape(diagonal.shape());
            return grad.div(diagonal.add(settings.damping())).reshape(gradient.shape()).castTo(gradient.dataType());
        }
        throw new IllegalStateException("kfac has no curvature statistics for parameter block " + name
                + "; blocks with statistics: " + String.join(", ", factors.keySet()) + ", " + String.join(", ", diagonals.keySet()));
    }

    private void warnNonFinite(String block) {
        if (warnedBlocks.add(block)) {
            LOG.warn("kfac: the Fisher statistics of {} contain NaN or Inf; that batch was left out of its factors"
                    + " (logged once per block)", block);
        }
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
