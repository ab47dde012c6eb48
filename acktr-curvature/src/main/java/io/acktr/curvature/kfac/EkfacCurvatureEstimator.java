package io.acktr.curvature.kfac;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.guice.EkfacSettings;
import io.acktr.curvature.stats.DenseLayers;
import io.acktr.curvature.stats.RunningDiagonal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Eigenvalue-corrected K-FAC (George et al. 2018). It keeps K-FAC's eigenbases {@code Q_A},
 * {@code Q_G}, refreshed every {@code inverse-interval} updates, and replaces the Kronecker
 * eigenvalues {@code d_G d_A^T} by the second moment of the per-sample gradients projected on that
 * basis, {@code E[(Q_G^T g abar^T Q_A)^2]}, re-estimated every update as
 * {@code ((g Q_G) o (g Q_G))^T ((abar Q_A) o (abar Q_A)) / N}, with matrix products and no
 * per-sample loop. Blocks without Kronecker structure use a running diagonal Fisher.
 */
public final class EkfacCurvatureEstimator implements CurvatureEstimator {
    public static final String NAME = "ekfac";

    private final EkfacSettings settings;
    private final Map<String, KroneckerFactors> factors = new LinkedHashMap<>();
    private final Map<String, RunningDiagonal> scales = new LinkedHashMap<>();
    private final RunningDiagonal diagonals = new RunningDiagonal(NAME);
    private long observations;
    private long observationsSinceRefresh;

    public EkfacCurvatureEstimator(EkfacSettings settings) {
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
            factors.values().stream().filter(KroneckerFactors::isFinite).forEach(f -> f.refreshEigenbases(0));
            scales.clear();
            observationsSinceRefresh = 0;
        }
        for (LayerStatistics layer : sample.layers()) {
            DenseLayerStatistics dense = (DenseLayerStatistics) layer;
            KroneckerFactors f = factors.get(dense.parameterName());
            if (f.hasEigenbases()) {
                scales.computeIfAbsent(dense.parameterName(), block -> new RunningDiagonal(NAME))
                        .fold(dense.parameterName(), projectedSecondMoment(dense, f), decay);
            }
        }
    }

    /** {@code E[(Q_G^T g_i abar_i^T Q_A)^2]} over the batch, element-wise. */
    static INDArray projectedSecondMoment(DenseLayerStatistics dense, KroneckerFactors f) {
        INDArray ga = dense.preActivationGradients().castTo(DataType.DOUBLE).mmul(f.eigenG().vectors());
        INDArray aa = dense.activations().castTo(DataType.DOUBLE).mmul(f.eigenA().vectors());
        return ga.mul(ga).transpose().mmul(aa.mul(aa)).divi(aa.rows());
    }

    @Override
    public Direction precondition(Gradient gradient) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        boolean preconditioning = observations > settings.warmupUpdates();
        for (Map.Entry<String, INDArray> e : gradient.blocks().entrySet()) {
            blocks.put(e.getKey(), preconditioning ? preconditionBlock(e.getKey(), e.getValue()) : e.getValue());
        }
        return new Direction(blocks, gradient.dot(blocks));
    }

    private INDArray preconditionBlock(String name, INDArray gradient) {
        KroneckerFactors layer = factors.get(name);
        RunningDiagonal scale = scales.get(name);
        if (layer != null && scale != null && scale.has(name)) {
            INDArray qa = layer.eigenA().vectors();
            INDArray qg = layer.eigenG().vectors();
            INDArray v1 = qg.transpose().mmul(gradient.castTo(DataType.DOUBLE)).mmul(qa);
            return qg.mmul(scale.precondition(name, v1, settings.damping())).mmul(qa.transpose()).castTo(gradient.dataType());
        }
        if (diagonals.has(name)) {
            return diagonals.precondition(name, gradient, settings.damping());
        }
        throw new IllegalStateException("ekfac has no curvature statistics for parameter block " + name);
    }

    /** The layer's Fisher block as EKFAC models it, {@code (Q_A ⊗ Q_G) diag(scales) (Q_A ⊗ Q_G)^T}, for tests. */
    double[][] modelledFisher(String layer) {
        KroneckerFactors f = factors.get(layer);
        return KroneckerModels.fromEigenbasis(f.eigenG().vectors(), f.eigenA().vectors(), scales.get(layer).get(layer));
    }

    /** K-FAC's {@code A ⊗ G} of the same statistics, in the same order, for tests. */
    double[][] kroneckerFisher(String layer) {
        KroneckerFactors f = factors.get(layer);
        return KroneckerModels.kronecker(f.g(), f.a());
    }
}
